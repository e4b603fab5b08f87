package cn.dayi.operator.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The qualification register and incidents over HTTP on the real MariaDB. A buyer cannot book
 * self-operation (自主上机) of the TEM until X's technician grants a qualification; it must be valid
 * on the booked day, and once revoked it no longer counts. An incident reported on the NMR empties
 * its free time and refuses bookings until it is resolved. Wrong callers and bad input get stable
 * codes and change nothing.
 *
 * <p>Both instruments (A[0] TEM, A[1] NMR) are entrusted to X, priced, and open every day 08:00–20:00
 * Asia/Shanghai with 30-minute slots and 24 hours' notice.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualificationIncidentIT implements RealServices {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;

    World w;
    String tem;
    String nmr;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        tem = w.instrumentsA.get(0);
        nmr = w.instrumentsA.get(1);
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", w.ownerA);
        body.put("instruments", List.of(tem, nmr));
        body.put("startsOn", LocalDate.now(SH).toString());
        body.put("endsOn", LocalDate.now(SH).plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", 4000, "fiscalFundBp", 1000, "operatorBp", 4500, "platformBp", 500));
        body.put("fiscalFunded", true);
        long id = id(send(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", body)));
        send(w.managerX, HttpRequest.POST("/api/v1/entrustments/" + id + "/propose", Map.of()));
        send(w.ownerAdminA, HttpRequest.POST("/api/v1/entrustments/" + id + "/accept", Map.of()));
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.add(Map.of("weekday", d, "opens", "08:00", "closes", "20:00"));
        }
        for (String i : List.of(tem, nmr)) {
            send(w.managerX, HttpRequest.PUT("/api/v1/instruments/" + i + "/cost", Map.of("inputs",
                    Map.of("originalValueFen", 400_000_000L, "residualRateBp", 500, "usefulLifeYears", 10))));
            send(w.managerX, HttpRequest.POST("/api/v1/instruments/" + i + "/tariffs",
                    Map.of("code", "HOUR", "chargeUnit", "HOUR", "academicMarkupBp", 2000, "commercialMarkupBp", 5000)));
            send(w.managerX, HttpRequest.PUT("/api/v1/instruments/" + i + "/booking-rules", Map.of("slotMinutes", 30,
                    "minNoticeHours", 24, "maxAdvanceDays", 30, "weekly", weekly)));
        }
    }

    // ---- helpers ----

    private static Instant at(int days, int hour) {
        return LocalDateTime.of(LocalDate.now(SH).plusDays(days), LocalTime.of(hour, 0)).atZone(SH).toInstant();
    }

    private static String day(int days) {
        return LocalDate.now(SH).plusDays(days).toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String token, String path) {
        return (List<Map<String, Object>>) (List<?>) http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token),
                io.micronaut.core.type.Argument.listOf(Map.class));
    }

    private static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }

    /** "status CODE" of a request that must fail. */
    private String error(String token, MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            String code = body.replaceAll("(?s).*\"code\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
            return e.getStatus().getCode() + " " + (code.equals(body) ? "" : code);
        }
        throw new AssertionError("expected an error for " + request.getMethod() + " " + request.getPath());
    }

    private MutableHttpRequest<?> selfOperated(String instrument, int days, int hour) {
        return HttpRequest.POST("/api/v1/instruments/" + instrument + "/bookings", Map.of("start", at(days, hour).toString(),
                "end", at(days, hour + 1).toString(), "mode", "SELF_OPERATED"));
    }

    private Map<String, Object> grant(String token, String trainedOn, String validUntil) {
        return send(token, HttpRequest.POST("/api/v1/instruments/" + tem + "/qualifications", Map.of("email",
                w.email("buyer"), "trainedOn", trainedOn, "validUntil", validUntil, "note", "电镜上机培训 8 学时")));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> free(String instrument, int days) {
        Map<String, Object> r = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/instruments/" + instrument
                + "/availability?from=" + day(days) + "&to=" + day(days + 1)), Map.class);
        return (List<Map<String, Object>>) r.get("free");
    }

    private long orders() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM service_order"));
    }

    // ---- tests ----

    @Test
    void selfOperationNeedsAQualificationValidOnTheBookedDay() {
        long before = orders();
        assertEquals("422 QUALIFICATION_REQUIRED", error(w.buyer, selfOperated(tem, 3, 9)), "no training yet");
        // trained today, valid for 5 days: day 3 is covered, day 10 is not
        Map<String, Object> q = grant(w.technicianX, day(0), day(5));
        assertEquals(true, q.get("valid"));
        assertEquals("电镜上机培训 8 学时", q.get("note"));
        assertEquals("422 QUALIFICATION_REQUIRED", error(w.buyer, selfOperated(tem, 10, 9)), "expired by then");
        assertEquals("422 QUALIFICATION_REQUIRED", error(w.buyer, selfOperated(nmr, 3, 9)), "another instrument");
        assertEquals(before, orders(), "refusals save nothing");
        HttpResponse<Map> ok = http.toBlocking().exchange(selfOperated(tem, 3, 9).bearerAuth(w.buyer), Map.class);
        assertEquals(201, ok.getStatus().getCode());
        assertEquals("SELF_OPERATED", ok.body().get("mode"));

        // the register lists it for the operator's staff, not for others
        List<Map<String, Object>> register = list(w.financeX, "/api/v1/operators/" + w.operatorX + "/qualifications");
        assertTrue(register.stream().anyMatch(r -> id(r) == id(q)));
        assertEquals("403 FORBIDDEN", error(w.managerY, HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/qualifications")));
        assertEquals("403 FORBIDDEN", error(w.buyer, HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/qualifications")));

        // revoked: self-operation is refused again; a second revocation is a conflict
        assertEquals("400 REASON_REQUIRED", error(w.managerX, HttpRequest.POST("/api/v1/qualifications/" + id(q) + "/revoke",
                Map.of("reason", " "))));
        Map<String, Object> revoked = send(w.managerX, HttpRequest.POST("/api/v1/qualifications/" + id(q) + "/revoke",
                Map.of("reason", "违规操作")));
        assertEquals(false, revoked.get("valid"));
        assertEquals("违规操作", revoked.get("revokeReason"));
        assertEquals("422 QUALIFICATION_REQUIRED", error(w.buyer, selfOperated(tem, 4, 9)));
        assertEquals("409 ALREADY_REVOKED", error(w.managerX, HttpRequest.POST("/api/v1/qualifications/" + id(q) + "/revoke",
                Map.of("reason", "again"))));
    }

    @Test
    void onlyTheHoldingOperatorsFloorStaffGrantAndBadInputIsRefused() {
        String path = "/api/v1/instruments/" + tem + "/qualifications";
        Map<String, Object> good = Map.of("email", w.email("buyer"), "trainedOn", day(0), "validUntil", day(30));
        long before = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM instrument_qualification"));
        assertEquals("403 FORBIDDEN", error(w.managerY, HttpRequest.POST(path, good)), "another operator");
        assertEquals("403 FORBIDDEN", error(w.financeX, HttpRequest.POST(path, good)), "finance staff do not train");
        assertEquals("403 FORBIDDEN", error(w.buyer, HttpRequest.POST(path, good)), "a buyer cannot qualify themself");
        assertTrue(error(null, HttpRequest.POST(path, good)).startsWith("401"));
        assertEquals("400 PERSON_NOT_FOUND", error(w.technicianX, HttpRequest.POST(path, Map.of("email", "nobody@dayi.test",
                "trainedOn", day(0), "validUntil", day(30)))));
        assertEquals("400 DATES_INVALID", error(w.technicianX, HttpRequest.POST(path, Map.of("email", w.email("buyer"),
                "trainedOn", day(5), "validUntil", day(1)))));
        assertEquals("422 NO_OPERATOR", error(w.admin, HttpRequest.POST("/api/v1/instruments/" + w.instrumentsB.get(0)
                + "/qualifications", good)), "nobody holds B[0]");
        assertEquals(before, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM instrument_qualification")));
        // (to someone other than the buyer: the other test counts on the buyer's qualifications)
        Map<String, Object> q = send(w.managerX, HttpRequest.POST(path, Map.of("email", w.email("finance-x"),
                "trainedOn", day(0), "validUntil", day(30))));
        assertEquals("404 QUALIFICATION_NOT_FOUND", error(w.managerY, HttpRequest.POST("/api/v1/qualifications/" + id(q)
                + "/revoke", Map.of("reason", "x"))), "another operator does not see it");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncidentBlocksTheCalendarUntilResolved() {
        assertFalse(free(nmr, 2).isEmpty(), "free before the incident");
        assertEquals("400 DESCRIPTION_REQUIRED", error(w.technicianX, HttpRequest.POST("/api/v1/instruments/" + nmr
                + "/incidents", Map.of("description", ""))));
        assertEquals("403 FORBIDDEN", error(w.financeX, HttpRequest.POST("/api/v1/instruments/" + nmr + "/incidents",
                Map.of("description", "x"))));
        assertEquals("403 FORBIDDEN", error(w.managerY, HttpRequest.POST("/api/v1/instruments/" + nmr + "/incidents",
                Map.of("description", "x"))));
        Map<String, Object> incident = send(w.technicianX, HttpRequest.POST("/api/v1/instruments/" + nmr + "/incidents",
                Map.of("description", "探头漏液，停机检修")));
        assertTrue(free(nmr, 2).isEmpty(), "no free time while the fault is open");
        assertTrue(free(nmr, 20).isEmpty(), "…however far ahead");
        assertFalse(free(tem, 2).isEmpty(), "other instruments are not affected");
        long before = orders();
        assertEquals("422 INSTRUMENT_INCIDENT", error(w.buyer, HttpRequest.POST("/api/v1/instruments/" + nmr + "/bookings",
                Map.of("start", at(2, 9).toString(), "end", at(2, 10).toString(), "mode", "STAFF_OPERATED"))));
        assertEquals(before, orders());
        List<Map<String, Object>> open = list(w.financeX, "/api/v1/instruments/" + nmr + "/incidents?open=true");
        assertEquals(List.of(id(incident)), open.stream().map(QualificationIncidentIT::id).toList());
        assertEquals("403 FORBIDDEN", error(w.buyer, HttpRequest.GET("/api/v1/instruments/" + nmr + "/incidents")));

        assertEquals("404 INCIDENT_NOT_FOUND", error(w.managerY, HttpRequest.POST("/api/v1/incidents/" + id(incident)
                + "/resolve", Map.of("description", "x"))));
        Map<String, Object> resolved = send(w.managerX, HttpRequest.POST("/api/v1/incidents/" + id(incident) + "/resolve",
                Map.of("description", "更换探头密封圈")));
        assertEquals("更换探头密封圈", resolved.get("resolution"));
        assertFalse(free(nmr, 2).isEmpty(), "the calendar opens again");
        assertEquals("409 ALREADY_RESOLVED", error(w.managerX, HttpRequest.POST("/api/v1/incidents/" + id(incident)
                + "/resolve", Map.of("description", "again"))));
        HttpResponse<Map> ok = http.toBlocking().exchange(HttpRequest.POST("/api/v1/instruments/" + nmr + "/bookings",
                Map.of("start", at(2, 9).toString(), "end", at(2, 10).toString(), "mode", "STAFF_OPERATED"))
                .bearerAuth(w.buyer), Map.class);
        assertEquals(201, ok.getStatus().getCode());
        assertTrue(list(w.financeX, "/api/v1/instruments/" + nmr + "/incidents?open=true").isEmpty());
    }
}
