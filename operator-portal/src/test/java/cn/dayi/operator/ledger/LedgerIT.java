package cn.dayi.operator.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Money over HTTP on the real MariaDB: a 2-hour booking at 661.61 元/h on a fiscal-funded instrument
 * entrusted with a 50/20/25/5 split is paid by bank transfer and completed, and the ledger shows
 * the exact split; an operator's own instrument pays the platform commission only; refunds (partial,
 * full, too much, concurrent) with Idempotency-Key replay / 409 / 422; late cancellation and no-show
 * fees; the database refuses to change or delete ledger rows.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerIT implements RealServices {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    private static final long RATE_FEN = 66_161; // 661.61 元 per hour

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;

    World w;
    /** TEM of owner A, entrusted to X, fiscal-funded, split 50/20/25/5 (owner/fiscal/operator/platform). */
    String tem;
    /** An instrument operator X owns itself (自营). */
    String own;
    final AtomicInteger day = new AtomicInteger(3);

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        tem = w.instrumentsA.get(0);
        own = w.instrumentsB.get(1);
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", w.ownerA);
        body.put("instruments", List.of(tem));
        body.put("startsOn", LocalDate.now(SH).toString());
        body.put("endsOn", LocalDate.now(SH).plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", 5000, "fiscalFundBp", 2000, "operatorBp", 2500, "platformBp", 500));
        body.put("fiscalFunded", true);
        long e = id(send(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", body)));
        send(w.managerX, HttpRequest.POST("/api/v1/entrustments/" + e + "/propose", Map.of()));
        send(w.ownerAdminA, HttpRequest.POST("/api/v1/entrustments/" + e + "/accept", Map.of()));
        jdbc.write(c -> Jdbc.update(c, "UPDATE instrument SET owner_id = ? WHERE id = ?", w.operatorX, Long.parseLong(own)));
        for (String i : List.of(tem, own)) {
            send(w.managerX, HttpRequest.POST("/api/v1/instruments/" + i + "/tariffs", Map.of("code", "LEDGER-HOUR",
                    "chargeUnit", "HOUR", "costBasisFen", RATE_FEN, "academicMarkupBp", 0, "commercialMarkupBp", 0,
                    "afterHoursSurchargeBp", 0, "urgentSurchargeBp", 0)));
            List<Map<String, Object>> weekly = new ArrayList<>();
            for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                weekly.add(Map.of("weekday", d, "opens", "08:00", "closes", "20:00"));
            }
            send(w.managerX, HttpRequest.PUT("/api/v1/instruments/" + i + "/booking-rules", Map.of("slotMinutes", 30,
                    "minNoticeHours", 24, "maxAdvanceDays", 60, "weekly", weekly)));
        }
    }

    // ---- the tests ----

    @Test
    void payThenCompletePostsTheExactSplit() {
        long fiscalBefore = balance(w.fiscal, "fiscal-fund", "FISCAL_FUND_PAYABLE");
        long ownerBefore = balance(w.ownerAdminA, Long.toString(w.ownerA), "OWNER_PAYABLE");
        long operatorBefore = balance(w.financeX, Long.toString(w.operatorX), "OPERATOR_PAYABLE");
        long platformBefore = balance(w.admin, "platform", "PLATFORM_REVENUE");
        long bankBefore = balance(w.admin, "platform", "BANK_CLEARING");
        long buyerBefore = balance(w.buyer, Long.toString(w.enterprise), "BUYER_PREPAID");

        long order = paidOrder(tem, 2);
        Map<String, Object> money = money(w.financeX, order);
        assertEquals(132_322L, num(money, "paidFen"), "661.61 元/h × 2 h = 1,323.22 元");
        assertEquals(132_322L, num(money, "heldFen"), "held for the buyer until completion");
        assertEquals(132_322L, balance(w.admin, "platform", "BANK_CLEARING") - bankBefore);
        assertEquals(132_322L, balance(w.buyer, Long.toString(w.enterprise), "BUYER_PREPAID") - buyerBefore,
                "held on the buyer's prepayment account");
        complete(order);

        money = money(w.financeX, order);
        assertEquals(0L, num(money, "heldFen"));
        assertEquals(132_322L, num(money, "earnedFen"));
        assertEquals(66_161L, balance(w.ownerAdminA, Long.toString(w.ownerA), "OWNER_PAYABLE") - ownerBefore, "owner 50 %");
        assertEquals(26_464L, balance(w.fiscal, "fiscal-fund", "FISCAL_FUND_PAYABLE") - fiscalBefore, "fiscal 20 % of 132,322 = 26,464.4");
        assertEquals(33_081L, balance(w.financeX, Long.toString(w.operatorX), "OPERATOR_PAYABLE") - operatorBefore,
                "operator 25 % = 33,080.5, plus the fen left over (largest remainder)");
        assertEquals(6_616L, balance(w.admin, "platform", "PLATFORM_REVENUE") - platformBefore, "platform 5 % = 6,616.1");

        List<Map<String, Object>> journals = list(money, "journals");
        assertEquals(List.of("ORDER:" + order + ":PAID", "ORDER:" + order + ":COMPLETED"),
                journals.stream().map(j -> j.get("businessKey")).toList());
        for (Map<String, Object> j : journals) {
            assertEquals(0L, list(j, "legs").stream().mapToLong(l -> num(l, "amountFen")).sum(), "every journal balances");
        }
        assertNull(money(w.buyer, order).get("journals"), "the buyer sees its money, not the shares of others");
    }

    @Test
    void ownInstrumentPaysThePlatformCommissionOnly() {
        long platformBefore = balance(w.admin, "platform", "PLATFORM_REVENUE");
        long operatorBefore = balance(w.managerX, Long.toString(w.operatorX), "OPERATOR_PAYABLE");
        long order = paidOrder(own, 2);
        complete(order);
        assertEquals(6_616L, balance(w.admin, "platform", "PLATFORM_REVENUE") - platformBefore, "5 % commission");
        assertEquals(125_706L, balance(w.managerX, Long.toString(w.operatorX), "OPERATOR_PAYABLE") - operatorBefore);
        Map<String, Object> completed = list(money(w.admin, order), "journals").get(1);
        assertTrue(list(completed, "legs").stream().noneMatch(l -> l.get("type").equals("OWNER_PAYABLE")
                || l.get("type").equals("FISCAL_FUND_PAYABLE")), "no owner or fiscal share on an own instrument");
    }

    @Test
    void operatorFinanceRefundsOnTheOrderPageOnceAndBothSidesSeeWhy() {
        long order = paidOrder(tem, 1); // 66,161
        String before = page(w.financeX, "/orders/" + order);
        assertTrue(before.contains("id=\"refund-form\"") && before.contains("value=\"661.61\""),
                "operator finance is offered the refund form with all that is refundable");
        assertFalse(page(w.buyer, "/orders/" + order).contains("id=\"refund-form\""), "the buyer is not");
        assertFalse(page(w.technicianX, "/orders/" + order).contains("id=\"refund-form\""), "nor a technician");

        String form = "amountYuan=100.50&reason=" + java.net.URLEncoder.encode("样品未按时检测 late start",
                java.nio.charset.StandardCharsets.UTF_8) + "&key=page-" + order;
        HttpResponse<String> done = postForm(w.financeX, "/operator/orders/" + order + "/refund", form);
        assertEquals(303, done.code());
        assertTrue(done.header("Location").contains("done=REFUNDED"), done.header("Location"));
        assertEquals(303, postForm(w.financeX, "/operator/orders/" + order + "/refund", form).code(), "a double submit …");
        Map<String, Object> m = money(w.buyer, order);
        assertEquals(10_050L, num(m, "refundedFen"), "… refunds once");
        assertEquals("样品未按时检测 late start", list(m, "refunds").get(0).get("reason"));
        assertTrue(page(w.buyer, "/orders/" + order).contains("样品未按时检测 late start"), "the buyer's page shows why");

        HttpResponse<String> tooMuch = postForm(w.financeX, "/operator/orders/" + order + "/refund",
                "amountYuan=1000&reason=x&key=page-too-much-" + order);
        assertTrue(tooMuch.header("Location").contains("error="), "refused with the reason on the page");
        HttpResponse<String> badAmount = postForm(w.financeX, "/operator/orders/" + order + "/refund",
                "amountYuan=12.345&reason=x&key=page-bad-" + order);
        assertTrue(badAmount.header("Location").contains("error="), badAmount.header("Location"));
        assertEquals(10_050L, num(money(w.buyer, order), "refundedFen"), "refused forms refund nothing");
        assertEquals(403, postForm(w.buyer, "/operator/orders/" + order + "/refund", form.replace("key=page-", "key=b-")).code());
    }

    @Test
    void refundsPartialThenFullAreIdempotentAndNeverExceedWhatWasPaid() {
        long order = paidOrder(tem, 1); // 66,161
        String key = UUID.randomUUID().toString();
        Map<String, Object> partial = Map.of("amountFen", 16_161, "reason", "设备预热超时一刻钟 warm-up ran 15 min late");
        HttpResponse<Map> first = refund(w.financeX, order, key, partial);
        assertEquals(201, first.code());
        assertEquals(16_161L, num(first.body(), "refundedFen"));
        assertEquals(50_000L, num(first.body(), "refundableFen"));

        HttpResponse<Map> again = refund(w.financeX, order, key, partial);
        assertEquals(201, again.code(), "a repeat gets the first answer");
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(16_161L, num(again.body(), "refundedFen"), "and nothing is refunded twice");
        assertEquals("422 IDEMPOTENCY_KEY_REUSED", error(w.financeX, refundRequest(order, key,
                Map.of("amountFen", 1, "reason", "another"))));
        assertEquals("400 IDEMPOTENCY_KEY_REQUIRED", error(w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/refunds",
                partial)));
        assertEquals("422 REFUND_EXCEEDS_PAID", error(w.financeX, refundRequest(order, UUID.randomUUID().toString(),
                Map.of("amountFen", 50_001, "reason", "too much"))));
        assertEquals("400 REASON_REQUIRED", error(w.financeX, refundRequest(order, UUID.randomUUID().toString(),
                Map.of("amountFen", 1, "reason", " "))));
        assertEquals("403 FORBIDDEN", error(w.technicianX, refundRequest(order, UUID.randomUUID().toString(), partial)));
        assertEquals("403 FORBIDDEN", error(w.buyer, refundRequest(order, UUID.randomUUID().toString(), partial)));
        assertEquals("404 ORDER_NOT_FOUND", error(w.managerY, refundRequest(order, UUID.randomUUID().toString(), partial)));

        // the buyer sees the refund and why, on the money view and in the order's history
        Map<String, Object> seen = money(w.buyer, order);
        assertEquals("设备预热超时一刻钟 warm-up ran 15 min late", list(seen, "refunds").get(0).get("reason"));
        Map<String, Object> o = send(w.buyer, HttpRequest.GET("/api/v1/orders/" + order));
        assertTrue(list(o, "history").stream().anyMatch(h -> "REFUNDED".equals(h.get("event"))
                && String.valueOf(h.get("reason")).contains("warm-up")), "the refund is on the order's trail");

        // completion earns what is left; a later refund takes back from every share in proportion
        complete(order);
        assertEquals(50_000L, num(money(w.financeX, order), "earnedFen"));
        Map<String, Object> full = refund(w.managerX, order, UUID.randomUUID().toString(),
                Map.of("amountFen", 50_000, "reason", "投诉成立，全额退款 complaint upheld")).body();
        assertEquals(0L, num(full, "refundableFen"));
        assertEquals(0L, num(full, "earnedFen"), "every share taken back");
        assertEquals(66_161L, num(full, "refundedFen"));
        assertEquals("422 REFUND_EXCEEDS_PAID", error(w.financeX, refundRequest(order, UUID.randomUUID().toString(),
                Map.of("amountFen", 1, "reason", "one fen more"))));
        Map<String, Object> clawback = list(money(w.admin, order), "journals").get(3);
        assertEquals("REFUNDED", clawback.get("event"));
        assertEquals(0L, list(clawback, "legs").stream().mapToLong(l -> num(l, "amountFen")).sum());
        long bankNet = jdbc.read(c -> Jdbc.count(c, """
                SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e JOIN ledger_journal j ON j.id = e.journal_id
                JOIN ledger_account a ON a.id = e.account_id WHERE j.order_id = ? AND a.type = 'BANK_CLEARING'""", order));
        assertEquals(0L, bankNet,
                "all the money that came in by bank went back out");
    }

    @Test
    void concurrentRefundsNeverRefundMoreThanWasPaid() throws Exception {
        long order = paidOrder(tem, 1); // 66,161
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Callable<Integer> call = () -> {
                    try {
                        return refund(w.financeX, order, UUID.randomUUID().toString(),
                                Map.of("amountFen", 16_000, "reason", "并发 concurrent")).code();
                    } catch (HttpClientResponseException e) {
                        return e.code();
                    }
                };
                results.add(pool.submit(call));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Integer> f : results) {
                int code = f.get();
                if (code == 201) {
                    ok++;
                } else if (code == 422) {
                    refused++;
                }
            }
            assertEquals(4, ok, "4 × 160.00 fit into 661.61");
            assertEquals(8, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(64_000L, num(money(w.financeX, order), "refundedFen"));
    }

    @Test
    void aKeyStillInFlightAnswers409() {
        long order = paidOrder(tem, 1);
        long financeId = jdbc.read(c -> Jdbc.count(c, "SELECT id FROM person WHERE email = ?", w.email("finance-x"))).longValue();
        String key = "in-flight-" + order;
        Map<String, Object> body = Map.of("amountFen", 100, "reason", "slow");
        HttpResponse<Map> done = refund(w.financeX, order, key, body); // learns the hash of this request
        String hash = jdbc.read(c -> Jdbc.one(c, "SELECT request_hash FROM idempotency_key WHERE idem_key = ?",
                rs -> rs.getString(1), key)).orElseThrow();
        assertEquals(201, done.code());
        String running = key + "-2"; // the same request, as if a first attempt with this key were still running
        jdbc.write(c -> Jdbc.update(c, """
                INSERT INTO idempotency_key (caller, idem_key, endpoint, request_hash, status, created_at)
                VALUES (?, ?, ?, ?, 'IN_FLIGHT', ?)""", "person:" + financeId, running, "POST /api/v1/orders/" + order + "/refunds",
                hash, Instant.now()));
        assertEquals("409 IDEMPOTENCY_KEY_IN_FLIGHT", error(w.financeX, refundRequest(order, running, body)));
        assertEquals(100L, num(money(w.financeX, order), "refundedFen"), "the in-flight request did nothing twice");
    }

    @Test
    void bankTransferWithAnIdempotencyKeyReplaysItsAnswer() {
        long order = awaitingPayment(tem, 1);
        String key = UUID.randomUUID().toString();
        Map<String, Object> transfer = Map.of("amountFen", 66_161, "reference", "IDEM-" + order);
        MutableHttpRequest<?> first = HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer", transfer)
                .header("Idempotency-Key", key).bearerAuth(w.financeX);
        assertEquals("CONFIRMED", http.toBlocking().retrieve(first, Map.class).get("state"));
        HttpResponse<Map> again = http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer",
                transfer).header("Idempotency-Key", key).bearerAuth(w.financeX), Map.class);
        assertEquals(200, again.code(), "not 409 ILLEGAL_TRANSITION: the first answer again");
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1L, list(money(w.financeX, order), "journals").size(), "paid and posted once");
        assertEquals("422 IDEMPOTENCY_KEY_REUSED", error(w.financeX, HttpRequest.POST("/api/v1/orders/" + order
                + "/bank-transfer", Map.of("amountFen", 66_161, "reference", "OTHER-" + order)).header("Idempotency-Key", key)));
    }

    @Test
    void lateCancellationAndNoShowEarnTheLateFeeAndLeaveTheRestRefundable() {
        long cancelled = paidOrder(tem, 1);
        jdbc.write(c -> Jdbc.update(c, "UPDATE service_order SET starts_at = ? WHERE id = ?",
                Instant.now().plusSeconds(3600), cancelled)); // now within 24 h of the start
        send(w.buyer, HttpRequest.POST("/api/v1/orders/" + cancelled + "/cancel", Map.of()));
        Map<String, Object> m = money(w.financeX, cancelled);
        assertEquals(33_080L, num(m, "earnedFen"), "50 % of 66,161, rounded down");
        assertEquals(33_081L, num(m, "heldFen"), "the rest is the buyer's, to be refunded");
        assertEquals("ORDER:" + cancelled + ":CANCELLATION_FEE", list(m, "journals").get(1).get("businessKey"));

        long noShow = paidOrder(tem, 1);
        jdbc.write(c -> Jdbc.update(c, "UPDATE service_order SET starts_at = ? WHERE id = ?",
                Instant.now().minusSeconds(1800), noShow));
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + noShow + "/no-show", Map.of()));
        m = money(w.financeX, noShow);
        assertEquals(33_080L, num(m, "earnedFen"));
        assertEquals(66_161L, num(m, "refundableFen"));
        Map<String, Object> refunded = refund(w.financeX, noShow, UUID.randomUUID().toString(),
                Map.of("amountFen", 33_081, "reason", "爽约，退还余款 no-show, balance returned")).body();
        assertEquals(0L, num(refunded, "heldFen"));
        assertEquals(33_080L, num(refunded, "earnedFen"), "the fee stays earned");

        long unpaid = awaitingPayment(tem, 1);
        send(w.buyer, HttpRequest.POST("/api/v1/orders/" + unpaid + "/cancel", Map.of()));
        assertEquals(0, list(money(w.financeX, unpaid), "journals").size(), "nothing paid, nothing posted");
        assertEquals("422 ORDER_NOT_PAID", error(w.financeX, refundRequest(unpaid, UUID.randomUUID().toString(),
                Map.of("amountFen", 1, "reason", "x"))));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteLedgerRows() {
        long order = paidOrder(tem, 1);
        for (String sql : List.of(
                "UPDATE ledger_entry SET amount_fen = amount_fen + 1 WHERE journal_id IN (SELECT id FROM ledger_journal WHERE order_id = ?)",
                "DELETE FROM ledger_entry WHERE journal_id IN (SELECT id FROM ledger_journal WHERE order_id = ?)",
                "UPDATE ledger_journal SET memo = 'forged' WHERE order_id = ?",
                "DELETE FROM ledger_journal WHERE order_id = ?")) {
            Jdbc.DataAccessFailure e = assertThrows(Jdbc.DataAccessFailure.class,
                    () -> jdbc.write(c -> Jdbc.update(c, sql, order)), sql);
            assertTrue(e.getMessage().contains("LEDGER_APPEND_ONLY"), e.getMessage());
        }
        Map<String, Object> m = money(w.financeX, order);
        assertEquals(66_161L, num(m, "heldFen"), "unchanged");
        assertEquals(1, list(m, "journals").size());
    }

    @Test
    void statementsRunTheBalanceAndOnlyTheRightPeopleReadAccounts() {
        long order = paidOrder(tem, 1);
        complete(order);
        Map<String, Object> accounts = send(w.ownerAdminA, HttpRequest.GET("/api/v1/ledger/parties/" + w.ownerA + "/accounts"));
        Map<String, Object> ownerAccount = list(accounts, "accounts").stream()
                .filter(a -> "OWNER_PAYABLE".equals(a.get("type"))).findFirst().orElseThrow();
        long accountId = num(ownerAccount, "accountId");
        Map<String, Object> st = send(w.ownerAdminA, HttpRequest.GET("/api/v1/ledger/accounts/" + accountId
                + "/statement?from=2020-01-01"));
        List<Map<String, Object>> lines = list(st, "lines");
        assertTrue(lines.size() >= 1);
        long running = num(st, "openingBalanceFen");
        for (Map<String, Object> l : lines) {
            running += num(l, "creditFen") - num(l, "debitFen");
            assertEquals(running, num(l, "balanceFen"), "running balance");
        }
        assertEquals(num(ownerAccount, "balanceFen"), num(st, "closingBalanceFen"));
        assertEquals("403 FORBIDDEN", error(w.ownerAdminB, HttpRequest.GET("/api/v1/ledger/parties/" + w.ownerA + "/accounts")));
        assertEquals("404 ACCOUNT_NOT_FOUND", error(w.managerY, HttpRequest.GET("/api/v1/ledger/accounts/" + accountId
                + "/statement")));
        assertEquals("403 FORBIDDEN", error(w.financeX, HttpRequest.GET("/api/v1/ledger/parties/platform/accounts")));
        assertEquals("403 FORBIDDEN", error(w.ownerAdminA, HttpRequest.GET("/api/v1/ledger/parties/fiscal-fund/accounts")));
        assertEquals("400 PARTY_INVALID", error(w.admin, HttpRequest.GET("/api/v1/ledger/parties/everyone/accounts")));
        assertEquals("400 PERIOD_INVALID", error(w.ownerAdminA, HttpRequest.GET("/api/v1/ledger/accounts/" + accountId
                + "/statement?from=2026-12-01&to=2026-11-01")));
    }

    // ---- helpers ----

    /** Books {@code hours} hours at 09:00 on a day of its own, accepted by the operator. */
    private long awaitingPayment(String instrument, int hours) {
        Instant start = LocalDateTime.of(LocalDate.now(SH).plusDays(day.getAndIncrement()), LocalTime.of(9, 0)).atZone(SH)
                .toInstant();
        long id = id(send(w.buyer, HttpRequest.POST("/api/v1/instruments/" + instrument + "/bookings", Map.of(
                "start", start.toString(), "end", start.plusSeconds(3600L * hours).toString(), "mode", "STAFF_OPERATED"))));
        send(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of()));
        return id;
    }

    private String page(String token, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)
                .bearerAuth(token), String.class);
    }

    /** Posts a page form; the answer (a 303 redirect, or the error status) without following it. */
    private HttpResponse<String> postForm(String token, String path, String form) {
        try {
            return http.toBlocking().exchange(HttpRequest.POST(path, form)
                    .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                    .accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE).bearerAuth(token), String.class);
        } catch (HttpClientResponseException e) {
            return HttpResponse.status(e.getStatus()).body(e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private long paidOrder(String instrument, int hours) {
        long id = awaitingPayment(instrument, hours);
        assertEquals(RATE_FEN * hours, num(send(w.buyer, HttpRequest.GET("/api/v1/orders/" + id)), "totalFen"));
        Map<String, Object> paid = send(w.financeX, HttpRequest.POST("/api/v1/orders/" + id + "/bank-transfer",
                Map.of("amountFen", RATE_FEN * hours, "reference", "LEDGER-" + id)).header("Idempotency-Key", "pay-" + id));
        assertEquals("CONFIRMED", paid.get("state"));
        return id;
    }

    private void complete(long order) {
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
        assertEquals("COMPLETED", send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-out", Map.of()))
                .get("state"));
    }

    private Map<String, Object> money(String token, long order) {
        return send(token, HttpRequest.GET("/api/v1/orders/" + order + "/money"));
    }

    /** The balance (normal side) of the party's account of {@code type}; 0 while it has none. */
    private long balance(String token, String party, String type) {
        return list(send(token, HttpRequest.GET("/api/v1/ledger/parties/" + party + "/accounts")), "accounts").stream()
                .filter(a -> type.equals(a.get("type"))).mapToLong(a -> num(a, "balanceFen")).sum();
    }

    private static MutableHttpRequest<?> refundRequest(long order, String key, Map<String, Object> body) {
        return HttpRequest.POST("/api/v1/orders/" + order + "/refunds", body).header("Idempotency-Key", key);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private HttpResponse<Map> refund(String token, long order, String key, Map<String, Object> body) {
        return http.toBlocking().exchange(refundRequest(order, key, body).bearerAuth(token), Map.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Map.class);
    }

    private String error(String token, MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request.bearerAuth(token), String.class);
        } catch (HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            String code = body.replaceAll("(?s).*\"code\"\\s*:\\s*\"([A-Z_0-9]+)\".*", "$1");
            return e.getStatus().getCode() + " " + (code.equals(body) ? "" : code);
        }
        throw new AssertionError("expected an error for " + request.getMethod() + " " + request.getPath());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertNotNull(v, key);
        return (List<Map<String, Object>>) v;
    }

    private static long num(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    private static long id(Map<String, Object> m) {
        return num(m, "id");
    }
}
