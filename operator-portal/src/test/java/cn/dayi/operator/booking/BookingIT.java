package cn.dayi.operator.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Machine-time booking over HTTP on the real MariaDB: a buyer books a free slot of an entrusted,
 * priced TEM; the operator accepts; the time disappears from everyone's availability; nobody else
 * can book it, not even 100 buyers at once; the whole path to COMPLETED with its audit trail;
 * cancelling, rejecting and an expired hold give the time back; bad input and wrong callers get
 * stable codes and change nothing.
 *
 * <p>The TEM (instrument A[0]) opens every day 08:00–20:00 Asia/Shanghai, 30-minute slots, a
 * 30-minute buffer after each booking, 48 hours' notice, 30 days ahead. Each test books on its
 * own day so the tests do not meet.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingIT implements RealServices {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Organisations organisations;
    @Inject
    Accounts accounts;
    @Inject
    SignIn signIn;
    @Inject
    Tokens tokens;
    @Inject
    Jdbc jdbc;
    @Inject
    Bookings bookings;
    @Inject
    JsonMapper json;

    World w;
    String tem;
    /** Entrusted to X with opening hours but no tariff. */
    String unpriced;
    /** Owned by a university, entrusted to nobody. */
    String unheld;
    /** Entrusted to X, priced, but shared internally only. */
    String internal;
    /** A second enterprise with its own buyer. */
    long otherEnterprise;
    String otherBuyer;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        tem = w.instrumentsA.get(0);
        unheld = w.instrumentsA.get(1);
        internal = w.instrumentsA.get(2);
        unpriced = w.instrumentsB.get(0);
        entrust(w.ownerA, w.ownerAdminA, List.of(tem, internal));
        entrust(w.ownerB, w.ownerAdminB, List.of(unpriced));
        for (String i : List.of(tem, internal)) {
            send(w.managerX, HttpRequest.PUT("/api/v1/instruments/" + i + "/cost", Map.of("inputs",
                    Map.of("originalValueFen", 400_000_000L, "residualRateBp", 500, "usefulLifeYears", 10))));
            send(w.managerX, HttpRequest.POST("/api/v1/instruments/" + i + "/tariffs",
                    Map.of("code", "TEM-HOUR", "chargeUnit", "HOUR", "academicMarkupBp", 2000, "commercialMarkupBp", 5000)));
        }
        for (String i : List.of(tem, internal, unpriced)) {
            send(w.managerX, HttpRequest.PUT("/api/v1/instruments/" + i + "/booking-rules", rules()));
        }
        jdbc.write(c -> Jdbc.update(c, "UPDATE instrument SET sharing_mode = 'INTERNAL_ONLY' WHERE id = ?", Long.parseLong(internal)));
        otherEnterprise = organisations.create("另一家需求企业-" + w.enterprise, null, OrganisationKind.ENTERPRISE, "440305").id();
        accounts.create(w.email("other-buyer"), "other-buyer", World.PASSWORD, otherEnterprise, Role.BUYER_MEMBER, null);
        otherBuyer = tokens.issue(signIn.signIn(w.email("other-buyer"), World.PASSWORD, "test"));
    }

    private static Map<String, Object> rules() {
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.add(Map.of("weekday", d, "opens", "08:00", "closes", "20:00"));
        }
        return Map.of("slotMinutes", 30, "bufferMinutes", 30, "minNoticeHours", 48, "maxAdvanceDays", 30, "weekly", weekly);
    }

    private void entrust(long ownerId, String ownerAdmin, List<String> instruments) {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", ownerId);
        body.put("instruments", instruments);
        body.put("startsOn", LocalDate.now(SH).toString());
        body.put("endsOn", LocalDate.now(SH).plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", 4000, "fiscalFundBp", 1000, "operatorBp", 4500, "platformBp", 500));
        body.put("fiscalFunded", true);
        long id = id(send(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", body)));
        send(w.managerX, HttpRequest.POST("/api/v1/entrustments/" + id + "/propose", Map.of()));
        send(ownerAdmin, HttpRequest.POST("/api/v1/entrustments/" + id + "/accept", Map.of()));
    }

    // ---- helpers ----

    /** {@code hh:mm} on the day {@code days} from today, Asia/Shanghai. */
    private static Instant at(int days, int hour, int minute) {
        return LocalDateTime.of(LocalDate.now(SH).plusDays(days), LocalTime.of(hour, minute)).atZone(SH).toInstant();
    }

    private static Map<String, Object> booking(Instant start, Instant end) {
        return Map.of("start", start.toString(), "end", end.toString(), "mode", "STAFF_OPERATED", "note", "形貌观察");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, Map.class);
    }

    private Map<String, Object> book(String token, String instrument, Instant start, Instant end) {
        HttpResponse<Map> r = http.toBlocking().exchange(HttpRequest.POST("/api/v1/instruments/" + instrument + "/bookings",
                booking(start, end)).bearerAuth(token), Map.class);
        assertEquals(201, r.getStatus().getCode());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = r.body();
        return body;
    }

    private Map<String, Object> act(String token, long order, String command, Map<String, Object> body) {
        return send(token, HttpRequest.POST("/api/v1/orders/" + order + "/" + command, body));
    }

    private static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }

    /** Status and problem code of a request that must fail. */
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

    private String bookError(String token, String instrument, Map<String, Object> body) {
        return error(token, HttpRequest.POST("/api/v1/instruments/" + instrument + "/bookings", body));
    }

    /** The free intervals anyone sees on the TEM on the day {@code days} from today. */
    @SuppressWarnings("unchecked")
    private List<List<Instant>> free(int days) {
        String from = LocalDate.now(SH).plusDays(days).toString();
        String to = LocalDate.now(SH).plusDays(days + 1).toString();
        Map<String, Object> r = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/instruments/" + tem
                + "/availability?from=" + from + "&to=" + to), Map.class);
        return ((List<Map<String, Object>>) r.get("free")).stream()
                .map(f -> List.of(Instant.parse((String) f.get("start")), Instant.parse((String) f.get("end")))).toList();
    }

    private static boolean isFree(List<List<Instant>> free, Instant start, Instant end) {
        return free.stream().anyMatch(f -> !f.get(0).isAfter(start) && !f.get(1).isBefore(end));
    }

    private long slotRows(long orderId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM booking_slot WHERE order_id = ?", orderId));
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("history")).stream().map(h -> (String) h.get("event")).toList();
    }

    // ---- tests ----

    @Test
    void aBookedSlotDisappearsForEveryoneAndASecondBuyerCannotTakeIt() {
        assertEquals(List.of(List.of(at(4, 8, 0), at(4, 20, 0))), free(4));
        Map<String, Object> order = book(w.buyer, tem, at(4, 9, 0), at(4, 10, 0));
        assertEquals("SUBMITTED", order.get("state"));
        assertNotNull(order.get("holdExpiresAt"));
        assertTrue(((Number) order.get("totalFen")).longValue() > 0, "priced from the hourly tariff");
        assertEquals(order.get("totalFen"), ((Map<?, ?>) order.get("quote")).get("totalFen"));
        assertEquals(3L, slotRows(id(order)), "two slots and one buffer slot");
        // 08:00–08:30 stays bookable (a booking up to 09:00 would need the 09:00 slot as buffer), 10:30 onwards is free
        assertEquals(List.of(List.of(at(4, 8, 0), at(4, 8, 30)), List.of(at(4, 10, 30), at(4, 20, 0))), free(4));

        Map<String, Object> accepted = act(w.managerX, id(order), "accept", Map.of());
        assertEquals("AWAITING_PAYMENT", accepted.get("state"));
        assertFalse(isFree(free(4), at(4, 9, 0), at(4, 9, 30)));

        assertEquals("409 SLOT_TAKEN", bookError(otherBuyer, tem, booking(at(4, 9, 30), at(4, 10, 30))));
        assertEquals("409 SLOT_TAKEN", bookError(otherBuyer, tem, booking(at(4, 10, 0), at(4, 11, 0))), "the buffer is held too");
        Map<String, Object> next = book(otherBuyer, tem, at(4, 10, 30), at(4, 11, 30));
        assertEquals("SUBMITTED", next.get("state"));
        assertEquals(3L, slotRows(id(order)), "the first order's slots are unchanged");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSelfRegisteredEnterpriseBooksOnlyOnceAnAdminHasVerifiedIt() {
        String first17 = "91440300MA5" + String.format("%06d", (int) (w.enterprise % 1_000_000));
        String code = World.creditCode(first17);
        // a typo in the credit code is caught by its check character, and nothing is created
        String typo = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        Map<String, Object> form = new java.util.HashMap<>(Map.of("organisationName", "深圳新注册科技有限公司",
                "creditCode", typo, "email", w.email("registered"), "displayName", "注册人", "password", "registered-pw1"));
        assertEquals("400 CREDIT_CODE_INVALID", error(null, HttpRequest.POST("/api/v1/registrations", form)));
        form.put("creditCode", code);
        Map<String, Object> registered = send(null, HttpRequest.POST("/api/v1/registrations", form));
        assertEquals("PENDING", registered.get("verification"));
        assertEquals("409 CREDIT_CODE_TAKEN", error(null, HttpRequest.POST("/api/v1/registrations",
                Map.of("organisationName", "重复", "creditCode", code, "email", w.email("again"), "displayName", "x",
                        "password", "registered-pw1"))));

        String member = tokens.issue(signIn.signIn(w.email("registered"), "registered-pw1", "test"));
        Instant start = at(5, 16, 0);
        assertEquals("422 ORGANISATION_NOT_VERIFIED", bookError(member, tem, booking(start, start.plusSeconds(3600))));
        long org = ((Number) registered.get("organisationId")).longValue();
        assertEquals("400 REASON_REQUIRED", error(w.admin, HttpRequest.POST("/api/v1/admin/organisations/" + org
                + "/verification", Map.of("approve", false))));
        assertEquals("VERIFIED", send(w.admin, HttpRequest.POST("/api/v1/admin/organisations/" + org + "/verification",
                Map.of("approve", true))).get("verification"));
        assertEquals("SUBMITTED", book(member, tem, start, start.plusSeconds(3600)).get("state"));
    }

    @Test
    void badRequestsAnswerWithStableCodesAndSaveNothing() {
        long orders = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM service_order"));
        assertEquals("422 SLOT_IN_PAST", bookError(w.buyer, tem, booking(at(-1, 9, 0), at(-1, 10, 0))));
        assertEquals("422 TOO_SHORT_NOTICE", bookError(w.buyer, tem, booking(at(1, 9, 0), at(1, 10, 0))));
        assertEquals("422 TOO_FAR_AHEAD", bookError(w.buyer, tem, booking(at(40, 9, 0), at(40, 10, 0))));
        assertEquals("422 OUTSIDE_OPENING_HOURS", bookError(w.buyer, tem, booking(at(5, 6, 0), at(5, 7, 0))));
        assertEquals("422 OUTSIDE_OPENING_HOURS", bookError(w.buyer, tem, booking(at(5, 19, 0), at(5, 21, 0))));
        assertEquals("400 NOT_ON_SLOT_GRID", bookError(w.buyer, tem, booking(at(5, 9, 10), at(5, 10, 10))));
        assertEquals("400 INVALID_WINDOW", bookError(w.buyer, tem, booking(at(5, 10, 0), at(5, 9, 0))));
        assertEquals("422 INSTRUMENT_NOT_SHARED", bookError(w.buyer, internal, booking(at(5, 9, 0), at(5, 10, 0))));
        assertEquals("422 NO_OPERATOR", bookError(w.buyer, unheld, booking(at(5, 9, 0), at(5, 10, 0))));
        assertEquals("422 NO_TARIFF", bookError(w.buyer, unpriced, booking(at(5, 9, 0), at(5, 10, 0))));
        assertEquals("422 QUALIFICATION_REQUIRED", bookError(w.buyer, tem, Map.of("start", at(5, 9, 0).toString(),
                "end", at(5, 10, 0).toString(), "mode", "SELF_OPERATED")));
        assertEquals("404 INSTRUMENT_NOT_FOUND", bookError(w.buyer, "DY-NO-SUCH", booking(at(5, 9, 0), at(5, 10, 0))));
        assertEquals("403 FORBIDDEN", bookError(w.managerX, tem, booking(at(5, 9, 0), at(5, 10, 0))), "not a buyer");
        assertTrue(bookError(null, tem, booking(at(5, 9, 0), at(5, 10, 0))).startsWith("401"));
        // a blackout (maintenance) on day 5, 14:00–16:00
        send(w.technicianX, HttpRequest.POST("/api/v1/instruments/" + tem + "/blackouts", Map.of("start",
                at(5, 14, 0).toString(), "end", at(5, 16, 0).toString(), "reason", "MAINTENANCE", "note", "更换灯丝")));
        assertEquals("422 BLACKED_OUT", bookError(w.buyer, tem, booking(at(5, 15, 0), at(5, 16, 0))));
        assertFalse(isFree(free(5), at(5, 14, 0), at(5, 14, 30)));
        assertEquals(orders, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM service_order")), "nothing saved");
        assertEquals("400 INVALID_TIME", error(null, HttpRequest.GET("/api/v1/instruments/" + tem + "/availability?from=soon")));
        assertEquals("400 WINDOW_TOO_LONG", error(null, HttpRequest.GET("/api/v1/instruments/" + tem
                + "/availability?from=2027-01-01&to=2027-06-01")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void fromSubmittedToCompletedWithABankTransferAndAnAuditTrail() {
        Map<String, Object> order = book(w.buyer, tem, at(6, 10, 0), at(6, 12, 0));
        long id = id(order);
        long total = ((Number) order.get("totalFen")).longValue();
        assertEquals("AWAITING_PAYMENT", act(w.technicianX, id, "accept", Map.of()).get("state"));
        assertEquals("422 AMOUNT_MISMATCH", error(w.financeX, HttpRequest.POST("/api/v1/orders/" + id + "/bank-transfer",
                Map.of("amountFen", total - 1, "reference", "ICBC-20261201-0001"))));
        assertEquals("400 REFERENCE_REQUIRED", error(w.financeX, HttpRequest.POST("/api/v1/orders/" + id + "/bank-transfer",
                Map.of("amountFen", total))));
        assertEquals("403 FORBIDDEN", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id + "/bank-transfer",
                Map.of("amountFen", total, "reference", "ICBC-20261201-0001"))), "technicians do not take money");
        Map<String, Object> paid = act(w.financeX, id, "bank-transfer", Map.of("amountFen", total, "reference", "ICBC-20261201-0001"));
        assertEquals("CONFIRMED", paid.get("state"));
        assertNull(paid.get("holdExpiresAt"));
        assertEquals("ICBC-20261201-0001", ((Map<String, Object>) paid.get("payment")).get("reference"));
        // the same bank reference cannot pay a second order; paying twice is an illegal transition
        Map<String, Object> other = book(w.buyer, tem, at(6, 14, 0), at(6, 15, 0));
        act(w.managerX, id(other), "accept", Map.of());
        assertEquals("409 PAYMENT_REFERENCE_USED", error(w.financeX, HttpRequest.POST("/api/v1/orders/" + id(other)
                + "/bank-transfer", Map.of("amountFen", other.get("totalFen"), "reference", "ICBC-20261201-0001"))));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.financeX, HttpRequest.POST("/api/v1/orders/" + id + "/bank-transfer",
                Map.of("amountFen", total, "reference", "ICBC-20261201-0002"))));
        assertEquals("409 NO_SHOW_TOO_EARLY", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id + "/no-show", Map.of())));

        assertEquals("IN_SERVICE", act(w.technicianX, id, "check-in", Map.of()).get("state"));
        Map<String, Object> done = act(w.technicianX, id, "check-out", Map.of());
        assertEquals("COMPLETED", done.get("state"));
        assertEquals(List.of("SUBMITTED", "ACCEPTED", "PAID_BY_BANK_TRANSFER", "CHECKED_IN", "CHECKED_OUT"), events(done));
        List<Map<String, Object>> history = (List<Map<String, Object>>) done.get("history");
        assertEquals(List.of("buyer", "tech-x", "finance-x", "tech-x", "tech-x"),
                history.stream().map(h -> (String) h.get("actorName")).toList());
        assertEquals(List.of("SUBMITTED", "AWAITING_PAYMENT", "CONFIRMED", "IN_SERVICE", "COMPLETED"),
                history.stream().map(h -> (String) h.get("to")).toList());
        assertEquals(1L, payments(id), "one payment record");

        // both sides see it in their lists; the buyer sees it as the organisation's order
        List<Map> mine = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/organisations/" + w.enterprise + "/orders")
                .bearerAuth(w.buyer), Argument.listOf(Map.class));
        assertTrue(mine.stream().anyMatch(o -> id(o) == id && "COMPLETED".equals(o.get("state"))));
        List<Map> completed = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/operators/" + w.operatorX
                + "/orders?state=COMPLETED").bearerAuth(w.technicianX), Argument.listOf(Map.class));
        assertEquals(List.of(id), completed.stream().map(BookingIT::id).toList());
        assertEquals(5L, slotRows(id), "a completed booking keeps its four slots and the buffer");
    }

    private long payments(long orderId) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM payment_record WHERE order_id = ?", orderId));
    }

    @Test
    @SuppressWarnings("unchecked")
    void cancellingGivesTheTimeBackForFreeUntil24HoursBefore() {
        Map<String, Object> order = book(w.buyer, tem, at(7, 9, 0), at(7, 10, 0));
        act(w.managerX, id(order), "accept", Map.of());
        Map<String, Object> terms = (Map<String, Object>) order.get("cancellation");
        assertEquals(0, ((Number) terms.get("feeFenNow")).intValue());
        assertFalse(isFree(free(7), at(7, 9, 0), at(7, 10, 0)));
        assertEquals("404 ORDER_NOT_FOUND", error(otherBuyer, HttpRequest.POST("/api/v1/orders/" + id(order) + "/cancel",
                Map.of())), "another organisation's buyer does not learn the order exists");
        Map<String, Object> cancelled = act(w.buyer, id(order), "cancel", Map.of("reason", "样品未到"));
        assertEquals("CANCELLED", cancelled.get("state"));
        assertEquals(0, ((Number) cancelled.get("cancellationFeeFen")).intValue());
        assertEquals(0L, slotRows(id(order)));
        assertTrue(isFree(free(7), at(7, 9, 0), at(7, 10, 0)));
        assertEquals("CANCELLED", events(cancelled).get(2));
        assertEquals("SUBMITTED", book(otherBuyer, tem, at(7, 9, 0), at(7, 10, 0)).get("state"));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + id(order) + "/cancel",
                Map.of())));
    }

    @Test
    void anExpiredHoldGivesTheTimeBack() {
        Map<String, Object> order = book(w.buyer, tem, at(8, 9, 0), at(8, 10, 0));
        Instant holdExpires = Instant.parse((String) order.get("holdExpiresAt"));
        bookings.expireDue(holdExpires.minusSeconds(1));
        assertEquals("SUBMITTED", stateOf(id(order)), "not before the hold lapses");
        assertTrue(bookings.expireDue(holdExpires.plusSeconds(1)) >= 1);
        Map<String, Object> expired = send(w.buyer, HttpRequest.GET("/api/v1/orders/" + id(order)));
        assertEquals("EXPIRED", expired.get("state"));
        assertEquals(List.of("SUBMITTED", "EXPIRED"), events(expired));
        assertEquals(0L, slotRows(id(order)));
        bookings.expireDue(holdExpires.plusSeconds(2)); // a second run changes nothing
        assertEquals(List.of("SUBMITTED", "EXPIRED"), events(send(w.buyer, HttpRequest.GET("/api/v1/orders/" + id(order)))));
        assertTrue(isFree(free(8), at(8, 9, 0), at(8, 10, 0)));
        assertEquals("SUBMITTED", book(otherBuyer, tem, at(8, 9, 0), at(8, 10, 0)).get("state"));
    }

    private String stateOf(long orderId) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT state FROM service_order WHERE id = ?", rs -> rs.getString(1), orderId))
                .orElseThrow();
    }

    @Test
    void illegalTransitionsAndRejectionsWithAReason() {
        Map<String, Object> order = book(w.buyer, tem, at(9, 9, 0), at(9, 10, 0));
        long id = id(order);
        assertEquals("409 ILLEGAL_TRANSITION", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id + "/check-in", Map.of())));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id + "/check-out", Map.of())));
        assertEquals("400 REASON_REQUIRED", error(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/reject", Map.of())));
        Map<String, Object> rejected = act(w.managerX, id, "reject", Map.of("reason", "当天设备保养"));
        assertEquals("REJECTED", rejected.get("state"));
        assertEquals(0L, slotRows(id));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of())));
        assertEquals("409 ILLEGAL_TRANSITION", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + id + "/cancel", Map.of())));
        assertTrue(isFree(free(9), at(9, 9, 0), at(9, 10, 0)));
    }

    @Test
    void onlyTheServingOperatorsStaffActOnAnOrder() {
        Map<String, Object> order = book(w.buyer, tem, at(10, 9, 0), at(10, 10, 0));
        long id = id(order);
        assertEquals("404 ORDER_NOT_FOUND", error(w.managerY, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of())));
        assertEquals("404 ORDER_NOT_FOUND", error(w.managerY, HttpRequest.GET("/api/v1/orders/" + id)));
        assertEquals("404 ORDER_NOT_FOUND", error(otherBuyer, HttpRequest.GET("/api/v1/orders/" + id)));
        assertEquals("403 FORBIDDEN", error(w.buyer, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of())));
        assertEquals("403 FORBIDDEN", error(w.financeX, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of())));
        assertEquals("403 FORBIDDEN", error(w.managerY, HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/orders")));
        assertEquals("403 FORBIDDEN", error(w.buyer, HttpRequest.GET("/api/v1/organisations/" + otherEnterprise + "/orders")));
        assertEquals("SUBMITTED", stateOf(id));
        assertEquals("AWAITING_PAYMENT", act(w.managerX, id, "accept", Map.of()).get("state"));
    }

    @Test
    void aHundredBuyersAtOnceOneWins() throws Exception {
        Instant start = at(12, 9, 0);
        Instant end = at(12, 10, 0);
        int n = 100;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String token = i % 2 == 0 ? w.buyer : otherBuyer;
            results.add(pool.submit((Callable<String>) () -> {
                go.await();
                try {
                    HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST("/api/v1/instruments/" + tem
                            + "/bookings", booking(start, end)).bearerAuth(token), String.class);
                    return Integer.toString(r.getStatus().getCode());
                } catch (HttpClientResponseException e) {
                    String body = e.getResponse().getBody(String.class).orElse("");
                    return e.getStatus().getCode() + " " + body.replaceAll("(?s).*\"code\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
                }
            }));
        }
        go.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> f : results) {
            answers.add(f.get());
        }
        pool.shutdown();
        Map<String, Long> counts = answers.stream().collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertEquals(Map.of("201", 1L, "409 SLOT_TAKEN", 99L), counts);
        List<Long> holders = jdbc.read(c -> Jdbc.list(c, "SELECT order_id FROM booking_slot WHERE instrument_id = ? "
                + "AND slot_start >= ? AND slot_start < ?", rs -> rs.getLong(1), Long.parseLong(tem), start, end.plusSeconds(1800)));
        assertEquals(3, holders.size(), "one set of slot rows: two slots and the buffer");
        assertEquals(1L, holders.stream().distinct().count());
        assertEquals(1L, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM service_order WHERE instrument_id = ? AND starts_at = ?",
                Long.parseLong(tem), start)), "the losers left no order behind");
    }
}
