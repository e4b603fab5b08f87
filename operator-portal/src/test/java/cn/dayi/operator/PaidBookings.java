package cn.dayi.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Money tests' common ground, over the public API: owner A's instrument entrusted to operator X (or Y) with a split,
 * an hourly tariff and opening hours, bookings paid by bank transfer and completed, balances, and the small JSON
 * helpers. Each booking takes a day of its own from day 3 on (09:00 Shanghai).
 */
public final class PaidBookings {

    public static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    private final HttpClient http;
    private final World w;
    private final AtomicInteger day = new AtomicInteger(3);
    private final long operator;
    private final String manager;
    private final String finance;
    private final String technician;

    /** Bookings served by operator X (its manager, finance staff and technician). */
    public PaidBookings(HttpClient http, World w) {
        this(http, w, w.operatorX, w.managerX, w.financeX, w.technicianX);
    }

    private PaidBookings(HttpClient http, World w, long operator, String manager, String finance, String technician) {
        this.http = http;
        this.w = w;
        this.operator = operator;
        this.manager = manager;
        this.finance = finance;
        this.technician = technician;
    }

    /** Bookings served by operator Y, whose manager does every operator step. */
    public static PaidBookings servedByY(HttpClient http, World w) {
        return new PaidBookings(http, w, w.operatorY, w.managerY, w.managerY, w.managerY);
    }

    /** Owner A entrusts {@code instrument} to the operator, fiscal-funded, with the shares in basis points. */
    public void entrust(String instrument, int ownerBp, int fiscalBp, int operatorBp, int platformBp) {
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", w.ownerA);
        body.put("instruments", List.of(instrument));
        body.put("startsOn", LocalDate.now(SH).toString());
        body.put("endsOn", LocalDate.now(SH).plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", ownerBp, "fiscalFundBp", fiscalBp, "operatorBp", operatorBp,
                "platformBp", platformBp));
        body.put("fiscalFunded", true);
        long e = num(send(manager, HttpRequest.POST("/api/v1/operators/" + operator + "/entrustments", body)), "id");
        send(manager, HttpRequest.POST("/api/v1/entrustments/" + e + "/propose", Map.of()));
        send(w.ownerAdminA, HttpRequest.POST("/api/v1/entrustments/" + e + "/accept", Map.of()));
    }

    /** An hourly tariff at {@code rateFen} for every buyer class, and opening hours 08:00–20:00 every day. */
    public void priceAndOpen(String instrument, String tariffCode, long rateFen) {
        send(manager, HttpRequest.POST("/api/v1/instruments/" + instrument + "/tariffs", Map.of("code", tariffCode,
                "chargeUnit", "HOUR", "costBasisFen", rateFen, "academicMarkupBp", 0, "commercialMarkupBp", 0,
                "afterHoursSurchargeBp", 0, "urgentSurchargeBp", 0)));
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.add(Map.of("weekday", d, "opens", "08:00", "closes", "20:00"));
        }
        send(manager, HttpRequest.PUT("/api/v1/instruments/" + instrument + "/booking-rules", Map.of("slotMinutes", 30,
                "minNoticeHours", 24, "maxAdvanceDays", 60, "weekly", weekly)));
    }

    /** The world's buyer books {@code hours} hours; the operator accepts; its finance records the bank transfer. */
    public long paid(String instrument, int hours, long rateFen) {
        long id = accepted(w.buyer, instrument, hours);
        Map<String, Object> paid = payByBankTransfer(id, rateFen * hours);
        assertEquals("CONFIRMED", paid.get("state"));
        return id;
    }

    /** {@code buyer} (a BUYER_MEMBER's token) books {@code hours} hours; the operator accepts (AWAITING_PAYMENT). */
    public long accepted(String buyer, String instrument, int hours) {
        Instant start = LocalDateTime.of(LocalDate.now(SH).plusDays(day.getAndIncrement()), LocalTime.of(9, 0)).atZone(SH)
                .toInstant();
        long id = num(send(buyer, HttpRequest.POST("/api/v1/instruments/" + instrument + "/bookings", Map.of(
                "start", start.toString(), "end", start.plusSeconds(3600L * hours).toString(), "mode", "STAFF_OPERATED"))), "id");
        send(manager, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of()));
        return id;
    }

    /** The operator's finance staff record a bank transfer of {@code amountFen} for the order; the order after. */
    public Map<String, Object> payByBankTransfer(long order, long amountFen) {
        return send(finance, HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer",
                Map.of("amountFen", amountFen, "reference", "PAID-" + order)).header("Idempotency-Key", "paid-" + order));
    }

    /** Checks the booking in and out (COMPLETED: the ledger splits it); returns when it started. */
    public Instant complete(long order) {
        send(technician, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
        Map<String, Object> done = send(technician, HttpRequest.POST("/api/v1/orders/" + order + "/check-out", Map.of()));
        assertEquals("COMPLETED", done.get("state"));
        return Instant.parse((String) done.get("start"));
    }

    /** The balance (normal side) of the organisation's account of {@code type}, read by {@code token}; 0 if none. */
    public long balance(String token, long party, String type) {
        return list(send(token, HttpRequest.GET("/api/v1/ledger/parties/" + party + "/accounts")), "accounts").stream()
                .filter(a -> type.equals(a.get("type"))).mapToLong(a -> num(a, "balanceFen")).sum();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request.bearerAuth(token), Map.class);
    }

    /** A JSON list answered to {@code token} at {@code path}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getList(String token, String path) {
        return (List<Map<String, Object>>) (List<?>) http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token),
                io.micronaut.core.type.Argument.listOf(Map.class));
    }

    /** The HTML page at {@code path} as {@code token} sees it (fails the test unless 2xx). */
    public String page(String token, String path) {
        return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token)
                .accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE));
    }

    /** The HTTP status of the page at {@code path} for {@code token}. */
    public int status(String token, String path) {
        try {
            return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(token)
                    .accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE), String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** "status CODE" of a request that must fail, e.g. {@code 404 OWNER_NOT_FOUND}. */
    public String error(String token, MutableHttpRequest<?> request) {
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
    public static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        Object v = m.get(key);
        assertNotNull(v, key);
        return (List<Map<String, Object>>) v;
    }

    public static long num(Map<?, ?> m, String key) {
        Object v = m.get(key);
        assertNotNull(v, key);
        return ((Number) v).longValue();
    }
}
