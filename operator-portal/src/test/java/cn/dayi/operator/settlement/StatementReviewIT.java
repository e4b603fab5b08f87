package cn.dayi.operator.settlement;

import static cn.dayi.operator.PaidBookings.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.PaidBookings;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import cn.dayi.ops.settlement.SettlementPeriod;
import cn.dayi.ops.settlement.SettlementSource;
import cn.dayi.ops.settlement.Settlements;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A month is settled after a booking on owner A's TEM (entrusted to operator X, 50/20/25/5) was paid and completed:
 * owner A sees its statement with exactly the share the ledger credited it, disputes it on the page (a reason is
 * required), platform admins see the dispute, then owner A approves it and it is final. Operator X sees its own
 * share on its statement; nobody else sees either.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementReviewIT implements RealServices {

    private static final ZoneId SH = PaidBookings.SH;
    private static final long RATE_FEN = 66_161;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;
    @Inject
    SettlementSource source;

    World w;
    long ownerShare;
    long operatorShare;
    PaidBookings money;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        money = new PaidBookings(http, w);
        String tem = w.instrumentsA.get(0);
        money.entrust(tem, 5000, 2000, 2500, 500);
        money.priceAndOpen(tem, "STM-HOUR", RATE_FEN);
        long ownerBefore = money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE");
        long operatorBefore = money.balance(w.financeX, w.operatorX, "OPERATOR_PAYABLE");
        money.complete(money.paid(tem, 2, RATE_FEN));
        money.complete(money.paid(tem, 3, RATE_FEN));
        ownerShare = money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE") - ownerBefore;
        operatorShare = money.balance(w.financeX, w.operatorX, "OPERATOR_PAYABLE") - operatorBefore;
        // settle this month as the monthly job will on the 1st of the next (its clock after the month's end)
        SettlementPeriod month = SettlementPeriod.monthBefore(LocalDate.now(SH).withDayOfMonth(1).plusMonths(1)
                .atStartOfDay(SH).toInstant());
        Settlements settlements = new Settlements(jdbc, source, Clock.fixed(month.end().plusSeconds(3600), ZoneOffset.UTC));
        assertEquals("COMPLETED", settlements.settle(month).state());
    }

    @Test
    @Order(1)
    void eachPartySeesItsShareFromTheLedgerAndNobodyElseSeesIt() {
        Map<String, Object> owner = only(money.getList(w.ownerAdminA, "/api/v1/organisations/" + w.ownerA + "/statements"));
        assertEquals(ownerShare, num(owner, "shareFen"), "owner A's statement says what the ledger credited it");
        assertEquals(RATE_FEN * 5, num(owner, "grossFen"), "gross: the two completed bookings, 5 h × 661.61 元");
        assertEquals(300, num(owner, "minutesUsed"));
        assertEquals("OPEN", owner.get("standing"));
        Map<String, Object> operator = only(money.getList(w.financeX, "/api/v1/organisations/" + w.operatorX + "/statements"));
        assertEquals(operatorShare, num(operator, "shareFen"), "operator X's statement: its 25 %");
        assertEquals("404 STATEMENT_NOT_FOUND", error(w.ownerAdminB, HttpRequest.GET("/api/v1/organisations/" + w.ownerA
                + "/statements")));
        assertEquals("404 STATEMENT_NOT_FOUND", error(w.buyer, HttpRequest.GET("/api/v1/organisations/" + w.ownerA
                + "/statements")));
        assertEquals("404 STATEMENT_NOT_FOUND", error(w.managerX, HttpRequest.POST("/api/v1/statements/" + id(owner)
                + "/approve", Map.of())), "the operator does not answer for the owner");
        String page = money.page(w.ownerAdminA, "/statements?org=" + w.ownerA);
        assertTrue(page.contains("id=\"statement-" + id(owner) + "\"") && page.contains("id=\"approve-" + id(owner) + "\""));
        assertTrue(page.contains(String.format(java.util.Locale.ROOT, "¥%,.2f", ownerShare / 100.0)), "the share in 元");
    }

    @Test
    @Order(2)
    void theOwnerDisputesWithAReasonTheAdminSeesItThenTheOwnerApprovesAndItIsFinal() {
        long id = id(only(money.getList(w.ownerAdminA, "/api/v1/organisations/" + w.ownerA + "/statements")));
        assertEquals("400 REASON_REQUIRED", error(w.ownerAdminA, HttpRequest.POST("/api/v1/statements/" + id + "/dispute",
                Map.of("reason", " "))));
        HttpResponse<String> disputed = http.toBlocking().exchange(HttpRequest.POST("/statements/" + id + "/dispute",
                        "reason=" + java.net.URLEncoder.encode("机时与记录不符", java.nio.charset.StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)
                .bearerAuth(w.ownerAdminA), String.class);
        assertEquals(HttpStatus.SEE_OTHER, disputed.getStatus());
        assertTrue(money.page(w.ownerAdminA, disputed.header("Location")).contains("机时与记录不符"), "the owner sees its dispute");
        String queue = money.page(w.admin, "/admin/statements");
        assertTrue(queue.contains("id=\"dispute-" + id + "\"") && queue.contains("机时与记录不符"), "admins see the dispute");
        assertEquals(HttpStatus.FORBIDDEN.getCode(), money.status(w.ownerAdminA, "/admin/statements"), "admins only");

        Map<String, Object> approved = send(w.ownerAdminA, HttpRequest.POST("/api/v1/statements/" + id + "/approve", Map.of()));
        assertEquals("APPROVED", approved.get("standing"));
        assertFalse(money.page(w.admin, "/admin/statements").contains("id=\"dispute-" + id + "\""), "no longer in dispute");
        assertEquals("409 STATEMENT_ALREADY_APPROVED", error(w.ownerAdminA, HttpRequest.POST("/api/v1/statements/" + id
                + "/dispute", Map.of("reason", "再看看"))));
        assertFalse(money.page(w.ownerAdminA, "/statements?org=" + w.ownerA).contains("id=\"approve-" + id + "\""),
                "an approved statement has no buttons");
    }

    // ---- helpers ----

    private static Map<String, Object> only(List<Map<String, Object>> statements) {
        assertEquals(1, statements.size(), "one statement for the month: " + statements);
        return statements.get(0);
    }

    private Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        return money.send(token, request);
    }

    private String error(String token, MutableHttpRequest<?> request) {
        return money.error(token, request);
    }

    private static long id(Map<String, Object> m) {
        return num(m, "id");
    }
}
