package cn.dayi.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Entrustments;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Entrustments through the API on the real database: the lifecycle with its audit trail, custody
 * that follows it, one custodian per instrument even under concurrent acceptance, bad input with
 * stable codes and nothing saved, expiry, and the pages both sides use.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntrustmentApiIT implements RealServices {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;
    @Inject
    Entrustments entrustments;

    World w;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
    }

    private Map<String, Object> proposal(long ownerId, List<String> instruments) {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", ownerId);
        body.put("instruments", instruments);
        body.put("startsOn", LocalDate.now().toString());
        body.put("endsOn", LocalDate.now().plusYears(3).toString());
        body.put("scope", "机时服务、送样检测");
        body.put("shares", Map.of("ownerBp", 4000, "fiscalFundBp", 1000, "operatorBp", 4500, "platformBp", 500));
        body.put("fiscalFunded", true);
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String token, HttpRequest<?> request) {
        return http.toBlocking().retrieve(((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(token), Map.class);
    }

    private long draft(String token, long operatorId, Map<String, Object> body) {
        Map<String, Object> e = call(token, HttpRequest.POST("/api/v1/operators/" + operatorId + "/entrustments", body));
        return ((Number) e.get("id")).longValue();
    }

    private Map<String, Object> act(String token, long id, String command, String reason) {
        return call(token, HttpRequest.POST("/api/v1/entrustments/" + id + "/" + command,
                reason == null ? Map.of() : Map.of("reason", reason)));
    }

    private HttpClientResponseException error(String token, HttpRequest<?> request) {
        HttpRequest<?> sent = token == null ? request : ((io.micronaut.http.MutableHttpRequest<?>) request).bearerAuth(token);
        try {
            http.toBlocking().exchange(sent, String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + request.getPath());
    }

    private static String body(HttpClientResponseException e) {
        return e.getResponse().getBody(String.class).orElse("");
    }

    private List<Map> fleet(String token, long operatorId) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/operators/" + operatorId + "/fleet").bearerAuth(token),
                Argument.listOf(Map.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOwnerAcceptsAProposalAndTheInstrumentsEnterTheOperatorsFleetWithAnAuditTrail() {
        long id = draft(w.managerX, w.operatorX, proposal(w.ownerA, List.of(w.instrumentsA.get(0))));
        // the owner does not see drafts
        assertEquals(HttpStatus.NOT_FOUND, error(w.ownerAdminA, HttpRequest.GET("/api/v1/entrustments/" + id)).getStatus());
        assertEquals("PROPOSED", act(w.managerX, id, "propose", null).get("state"));
        assertTrue(fleet(w.managerX, w.operatorX).isEmpty(), "no custody before acceptance");

        Map<String, Object> accepted = act(w.ownerAdminA, id, "accept", null);
        assertEquals("ACTIVE", accepted.get("state"));
        List<Map> fleet = fleet(w.technicianX, w.operatorX);
        assertEquals(1, fleet.size());
        assertEquals("ENTRUSTED", fleet.get(0).get("custody"));
        assertEquals(id, ((Number) fleet.get(0).get("entrustmentId")).longValue());

        Map<String, Object> terminated = act(w.ownerAdminA, id, "terminate", "仪器需返回学院自用");
        assertEquals("TERMINATED", terminated.get("state"));
        assertTrue(fleet(w.managerX, w.operatorX).isEmpty(), "custody ends with the entrustment");
        List<Map<String, Object>> history = (List<Map<String, Object>>) terminated.get("history");
        assertEquals(List.of("CREATED", "PROPOSED", "ACCEPTED", "TERMINATED"), history.stream().map(h -> h.get("event")).toList());
        assertEquals("仪器需返回学院自用", history.get(3).get("reason"));
        assertTrue(history.get(2).get("actorName").toString().startsWith("owner-a"), "who accepted is recorded");

        HttpClientResponseException again = error(w.ownerAdminA, HttpRequest.POST("/api/v1/entrustments/" + id + "/accept", Map.of()));
        assertEquals(HttpStatus.CONFLICT, again.getStatus());
        assertTrue(body(again).contains("ILLEGAL_TRANSITION"), body(again));
    }

    @Test
    void anInstrumentHasOneCustodianEvenWhenTwoOwnersAcceptAtTheSameMoment() throws Exception {
        String tem = w.instrumentsB.get(0);
        long x = draft(w.managerX, w.operatorX, proposal(w.ownerB, List.of(tem)));
        long y = draft(w.managerY, w.operatorY, proposal(w.ownerB, List.of(tem, w.instrumentsB.get(1))));
        act(w.managerX, x, "propose", null);
        act(w.managerY, y, "propose", null);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> results = new ArrayList<>();
        for (long id : List.of(x, y)) {
            results.add(pool.submit((Callable<Integer>) () -> {
                start.await();
                try {
                    http.toBlocking().exchange(HttpRequest.POST("/api/v1/entrustments/" + id + "/accept", Map.of())
                            .bearerAuth(w.ownerAdminB), String.class);
                    return 200;
                } catch (HttpClientResponseException e) {
                    assertTrue(body(e).contains("CUSTODY_OVERLAP"), body(e));
                    return e.getStatus().getCode();
                }
            }));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : results) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), "exactly one acceptance wins: " + codes);
        assertEquals(1, codes.stream().filter(c -> c == 409).count(), "the other is told why: " + codes);
        long custodians = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM instrument_custody WHERE instrument_id = ?",
                Long.parseLong(tem)));
        assertEquals(1L, custodians);
        // the loser stays PROPOSED: nothing of it was half-saved
        long loser = codes.get(0) == 200 ? y : x;
        String loserToken = loser == x ? w.managerX : w.managerY;
        assertEquals("PROPOSED", call(loserToken, HttpRequest.GET("/api/v1/entrustments/" + loser)).get("state"));
    }

    @Test
    void badProposalsAreRefusedWithStableCodesAndNothingIsSaved() {
        long before = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM entrustment"));
        Map<String, Object> split = proposal(w.ownerA, List.of(w.instrumentsA.get(1)));
        split.put("shares", Map.of("ownerBp", 4000, "fiscalFundBp", 1000, "operatorBp", 4500, "platformBp", 400));
        HttpClientResponseException e1 = error(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", split));
        assertEquals(HttpStatus.BAD_REQUEST, e1.getStatus());
        assertTrue(body(e1).contains("\"code\":\"SPLIT_NOT_10000\"") && body(e1).contains("9900"), body(e1));

        Map<String, Object> notOwned = proposal(w.ownerA, List.of(w.instrumentsA.get(1), w.instrumentsB.get(2)));
        HttpClientResponseException e2 = error(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", notOwned));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e2.getStatus());
        assertTrue(body(e2).contains("INSTRUMENT_NOT_OWNED") && body(e2).contains(w.instrumentsB.get(2)), body(e2));

        Map<String, Object> term = proposal(w.ownerA, List.of(w.instrumentsA.get(1)));
        term.put("endsOn", LocalDate.now().minusDays(1).toString());
        assertTrue(body(error(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", term)))
                .contains("TERM_INVALID"));

        Map<String, Object> fiscal = proposal(w.ownerA, List.of(w.instrumentsA.get(1)));
        fiscal.put("fiscalFunded", false);
        assertTrue(body(error(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", fiscal)))
                .contains("FISCAL_SHARE_WITHOUT_FISCAL_FUNDING"));

        // another operator's manager cannot draft in X's name
        HttpClientResponseException e5 = error(w.managerY, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments",
                proposal(w.ownerA, List.of(w.instrumentsA.get(1)))));
        assertEquals(HttpStatus.FORBIDDEN, e5.getStatus());
        long after = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM entrustment"));
        assertEquals(before, after, "nothing half-saved");

        long id = draft(w.managerX, w.operatorX, proposal(w.ownerA, List.of(w.instrumentsA.get(1))));
        act(w.managerX, id, "propose", null);
        HttpClientResponseException noReason = error(w.ownerAdminA, HttpRequest.POST("/api/v1/entrustments/" + id + "/decline", Map.of()));
        assertEquals(HttpStatus.BAD_REQUEST, noReason.getStatus());
        assertTrue(body(noReason).contains("REASON_REQUIRED"));
        assertEquals("DECLINED", act(w.ownerAdminA, id, "decline", "分成比例需再议").get("state"));
    }

    @Test
    void theDatabaseItselfRefusesASplitThatDoesNotSumTo10000() {
        try {
            jdbc.write(c -> Jdbc.update(c, """
                    INSERT INTO entrustment (owner_id, operator_id, state, starts_on, ends_on, owner_share_bp, fiscal_share_bp,
                      operator_share_bp, platform_share_bp, fiscal_funded, created_by) VALUES (?, ?, 'DRAFT', CURDATE(), CURDATE(),
                      5000, 0, 5000, 1, FALSE, 1)""", w.ownerA, w.operatorX));
        } catch (Jdbc.DataAccessFailure e) {
            assertTrue(e.violates("ck_entrustment_split"), e.getMessage());
            return;
        }
        throw new AssertionError("the CHECK constraint let a 10,001 bp split in");
    }

    @Test
    void anActiveEntrustmentExpiresAfterItsLastDayAndReleasesCustody() {
        Map<String, Object> body = proposal(w.ownerA, List.of(w.instrumentsA.get(2)));
        body.put("startsOn", LocalDate.now().minusYears(1).toString());
        body.put("endsOn", LocalDate.now().minusDays(1).toString());
        long id = draft(w.managerX, w.operatorX, body);
        act(w.managerX, id, "propose", null);
        act(w.ownerAdminA, id, "accept", null);
        assertTrue(entrustments.expireDue(entrustments.today()) >= 1);
        assertEquals(0, entrustments.expireDue(entrustments.today()), "a second run changes nothing");
        assertEquals("EXPIRED", call(w.managerX, HttpRequest.GET("/api/v1/entrustments/" + id)).get("state"));
        long left = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM instrument_custody WHERE entrustment_id = ?", id));
        assertEquals(0L, left);
    }

    @Test
    void theOperatorAndOwnerPagesShowFleetEntrustmentsAndActions() {
        long id = draft(w.managerX, w.operatorX, proposal(w.ownerA, List.of(w.instrumentsA.get(1))));
        act(w.managerX, id, "propose", null);
        String operatorPage = page(w.managerX, "/operator");
        assertTrue(operatorPage.contains("id=\"propose-form\""), "a manager can propose");
        assertTrue(operatorPage.contains("/entrustments/" + id), "lists the entrustment");
        String techPage = page(w.technicianX, "/operator");
        assertFalse(techPage.contains("id=\"propose-form\""), "a technician cannot propose");
        String ownerPage = page(w.ownerAdminA, "/owner");
        assertTrue(ownerPage.contains("/entrustments/" + id));
        String detail = page(w.ownerAdminA, "/entrustments/" + id);
        assertTrue(detail.contains("id=\"action-accept\"") && detail.contains("id=\"action-decline\""), "owner actions");
        assertFalse(detail.contains("action-withdraw"), "not the operator's actions");

        // a bad form comes back with what was typed and the reason
        HttpClientResponseException bad = error(w.managerX, HttpRequest.POST("/operator/" + w.operatorX + "/entrustments",
                "ownerId=" + w.ownerA + "&instruments=" + w.instrumentsA.get(0) + "&startsOn=2027-01-01&endsOn=2029-12-31"
                        + "&scope=x&ownerBp=5000&fiscalFundBp=0&operatorBp=4000&platformBp=0&action=propose")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        assertTrue(body(bad).contains("propose-error") && body(bad).contains("9000") && body(bad).contains("2029-12-31"), body(bad));

        HttpClientResponseException buyer = error(w.buyer, HttpRequest.GET("/operator").accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(HttpStatus.FORBIDDEN, buyer.getStatus());
        assertTrue(body(buyer).contains("id=\"forbidden-reason\"") && body(buyer).contains("没有权限"),
                "a browser gets a page that says why: " + body(buyer));
        HttpClientResponseException api = error(w.buyer, HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/fleet"));
        assertTrue(body(api).contains("\"code\":\"FORBIDDEN\""), "the API still answers problem JSON");
        var anonymous = http.toBlocking().exchange(HttpRequest.GET("/operator").accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertEquals(3, anonymous.getStatus().getCode() / 100, "anonymous browsers are redirected: " + anonymous.getStatus());
        assertEquals("/sign-in?next=%2Foperator", anonymous.header("Location"), "and come back here after signing in");
    }

    @Test
    void aManagerOpensAnAccountForANewTechnicianOnTheStaffPage() {
        var added = http.toBlocking().exchange(HttpRequest.POST("/operator/" + w.operatorX + "/staff",
                "email=New.Tech@Operator.test&displayName=新技术员&password=new-tech-password&role=OPERATOR_TECHNICIAN")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE)
                .bearerAuth(w.managerX), String.class);
        assertEquals(HttpStatus.SEE_OTHER, added.getStatus());
        String staff = page(w.managerX, "/operator/" + w.operatorX + "/staff");
        assertTrue(staff.contains("new.tech@operator.test") && staff.contains("新技术员"), "the new person is listed");
        HttpClientResponseException duplicate = error(w.managerX, HttpRequest.POST("/operator/" + w.operatorX + "/staff",
                "email=new.tech@operator.test&displayName=again&password=another-password&role=OPERATOR_TECHNICIAN")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE).accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(HttpStatus.CONFLICT, duplicate.getStatus());
        assertTrue(body(duplicate).contains("staff-error") && body(duplicate).contains("already exists"), body(duplicate));
        assertFalse(body(duplicate).contains("another-password"), "the password is never echoed");
        HttpClientResponseException other = error(w.managerY, HttpRequest.GET("/operator/" + w.operatorX + "/staff")
                .accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(HttpStatus.FORBIDDEN, other.getStatus());
    }

    private String page(String token, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token).accept(MediaType.TEXT_HTML_TYPE), String.class);
    }
}
