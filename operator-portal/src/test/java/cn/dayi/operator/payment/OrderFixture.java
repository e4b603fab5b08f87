package cn.dayi.operator.payment;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders awaiting payment for payment tests: instrument B[0] entrusted to operator X, priced by an
 * hourly tariff and open 08:00–20:00 every day; each order takes the next free hour from day 3 on.
 */
final class OrderFixture {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    final World w;
    final HttpClient http;
    final Jdbc jdbc;
    final String instrument;
    private final AtomicInteger slot = new AtomicInteger();

    OrderFixture(World w, HttpClient http, Jdbc jdbc) {
        this.w = w;
        this.http = http;
        this.jdbc = jdbc;
        this.instrument = w.instrumentsB.get(0);
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", w.ownerB);
        body.put("instruments", List.of(instrument));
        body.put("startsOn", LocalDate.now(SH).toString());
        body.put("endsOn", LocalDate.now(SH).plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", 4000, "fiscalFundBp", 1000, "operatorBp", 4500, "platformBp", 500));
        body.put("fiscalFunded", true);
        long id = id(send(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", body)));
        send(w.managerX, HttpRequest.POST("/api/v1/entrustments/" + id + "/propose", Map.of()));
        send(w.ownerAdminB, HttpRequest.POST("/api/v1/entrustments/" + id + "/accept", Map.of()));
        send(w.managerX, HttpRequest.PUT("/api/v1/instruments/" + instrument + "/cost", Map.of("inputs",
                Map.of("originalValueFen", 400_000_000L, "residualRateBp", 500, "usefulLifeYears", 10))));
        send(w.managerX, HttpRequest.POST("/api/v1/instruments/" + instrument + "/tariffs",
                Map.of("code", "PAY-HOUR", "chargeUnit", "HOUR", "academicMarkupBp", 2000, "commercialMarkupBp", 5000)));
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.add(Map.of("weekday", d, "opens", "08:00", "closes", "20:00"));
        }
        send(w.managerX, HttpRequest.PUT("/api/v1/instruments/" + instrument + "/booking-rules",
                Map.of("slotMinutes", 60, "minNoticeHours", 24, "maxAdvanceDays", 60, "weekly", weekly)));
    }

    /** A fresh order of the buyer, accepted by operator X: AWAITING_PAYMENT. */
    long awaitingPayment() {
        int k = slot.getAndIncrement();
        Instant start = LocalDate.now(SH).plusDays(3 + k / 12).atTime(8, 0).atZone(SH).toInstant().plusSeconds(3600L * (k % 12));
        long id = id(send(w.buyer, HttpRequest.POST("/api/v1/instruments/" + instrument + "/bookings", Map.of("start",
                start.toString(), "end", start.plusSeconds(3600).toString(), "mode", "STAFF_OPERATED"))));
        send(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of()));
        return id;
    }

    long totalFen(long order) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT total_fen FROM service_order WHERE id = ?", order));
    }

    Map<String, Object> order(long id) {
        return send(w.buyer, HttpRequest.GET("/api/v1/orders/" + id));
    }

    Map<String, Object> cardPayment(String token, long id) {
        return send(token, HttpRequest.GET("/api/v1/orders/" + id + "/card-payment"));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        return http.toBlocking().retrieve(request, Map.class);
    }

    /** Status and problem code of a request that must fail, e.g. {@code "422 CARD_PAYMENT_UNAVAILABLE"}. */
    String error(String token, MutableHttpRequest<?> request) {
        return failure(token, request)[0];
    }

    /** Status + code, and the problem's whole body. */
    String[] failure(String token, MutableHttpRequest<?> request) {
        if (token != null) {
            request.bearerAuth(token);
        }
        try {
            http.toBlocking().exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            String code = body.replaceAll("(?s).*\"code\"\\s*:\\s*\"([A-Z_]+)\".*", "$1");
            return new String[] {e.getStatus().getCode() + " " + (code.equals(body) ? "" : code), body};
        }
        throw new AssertionError("expected an error for " + request.getMethod() + " " + request.getPath());
    }

    @SuppressWarnings("unchecked")
    static List<String> events(Map<String, Object> order) {
        return ((List<Map<String, Object>>) order.get("history")).stream().map(h -> (String) h.get("event")).toList();
    }

    static long id(Map<String, Object> m) {
        return ((Number) m.get("id")).longValue();
    }
}
