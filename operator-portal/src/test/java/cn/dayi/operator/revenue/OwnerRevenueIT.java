package cn.dayi.operator.revenue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The owner revenue report over HTTP on the real MariaDB: owner A's TEM is entrusted to operator X (50/20/25/5),
 * two bookings are paid and completed, a third is paid but not yet used, and an instrument operator X owns itself
 * is used too. Owner A's report shows exactly the ledger's owner share (read back through the balances API), the
 * gross that was split, the used hours and the utilisation against 1,400 h/year; the page, CSV, XLSX and PDF say
 * the same; nobody else reads it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnerRevenueIT implements RealServices {

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
    String tem;
    String own;
    String temCode;
    final AtomicInteger day = new AtomicInteger(3);
    /** Booked minutes of the used TEM bookings by the month (Shanghai) they started. */
    final Map<String, Long> usedMinutesByMonth = new TreeMap<>();
    long ownerShareFen;
    long grossFen;
    int year;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        tem = w.instrumentsA.get(0);
        own = w.instrumentsB.get(1);
        temCode = jdbc.read(c -> Jdbc.one(c, "SELECT code FROM instrument WHERE id = ?", rs -> rs.getString(1),
                Long.parseLong(tem))).orElseThrow();
        Map<String, Object> body = new HashMap<>();
        body.put("ownerId", w.ownerA);
        body.put("instruments", List.of(tem));
        body.put("startsOn", LocalDate.now(SH).toString());
        body.put("endsOn", LocalDate.now(SH).plusYears(2).toString());
        body.put("shares", Map.of("ownerBp", 5000, "fiscalFundBp", 2000, "operatorBp", 2500, "platformBp", 500));
        body.put("fiscalFunded", true);
        long e = num(send(w.managerX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/entrustments", body)), "id");
        send(w.managerX, HttpRequest.POST("/api/v1/entrustments/" + e + "/propose", Map.of()));
        send(w.ownerAdminA, HttpRequest.POST("/api/v1/entrustments/" + e + "/accept", Map.of()));
        jdbc.write(c -> Jdbc.update(c, "UPDATE instrument SET owner_id = ? WHERE id = ?", w.operatorX, Long.parseLong(own)));
        for (String i : List.of(tem, own)) {
            send(w.managerX, HttpRequest.POST("/api/v1/instruments/" + i + "/tariffs", Map.of("code", "REV-HOUR",
                    "chargeUnit", "HOUR", "costBasisFen", RATE_FEN, "academicMarkupBp", 0, "commercialMarkupBp", 0,
                    "afterHoursSurchargeBp", 0, "urgentSurchargeBp", 0)));
            List<Map<String, Object>> weekly = new ArrayList<>();
            for (String d : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
                weekly.add(Map.of("weekday", d, "opens", "08:00", "closes", "20:00"));
            }
            send(w.managerX, HttpRequest.PUT("/api/v1/instruments/" + i + "/booking-rules", Map.of("slotMinutes", 30,
                    "minNoticeHours", 24, "maxAdvanceDays", 60, "weekly", weekly)));
        }
        long ownerBefore = ownerBalance();
        year = LocalDate.now(SH).getYear(); // the year the journals are posted in
        for (int hours : List.of(2, 3)) {
            Instant start = complete(paidOrder(tem, hours));
            usedMinutesByMonth.merge(DateTimeFormatter.ofPattern("yyyy-MM").withZone(SH).format(start), hours * 60L, Long::sum);
            grossFen += RATE_FEN * hours;
        }
        paidOrder(tem, 4); // paid, not used: held for the buyer, no revenue yet
        complete(paidOrder(own, 1)); // operator X's own instrument: not owner A's
        ownerShareFen = ownerBalance() - ownerBefore;
    }

    @Test
    void theReportShowsTheLedgersOwnerShareTheGrossAndTheUseOfTheOwnersInstrumentsOnly() {
        Map<String, Object> report = send(w.ownerAdminA, HttpRequest.GET("/api/v1/owners/" + w.ownerA + "/revenue?year=" + year));
        assertEquals(year, num(report, "year"));
        List<Map<String, Object>> rows = list(report, "rows");
        assertTrue(rows.stream().allMatch(r -> temCode.equals(r.get("instrumentCode"))),
                "only owner A's instrument, not operator X's own: " + rows);
        assertEquals(grossFen, rows.stream().mapToLong(r -> num(r, "grossFen")).sum(),
                "gross: the two used bookings, 5 h × 661.61 元; the paid but unused one is not revenue yet");
        assertEquals(ownerShareFen, num(report, "ownerShareFen"), "the owner share is what the ledger credited to owner A");
        assertEquals(grossFen / 2, ownerShareFen, 1, "50 % of the gross, to the fen the split rounding allows");
        List<Map<String, Object>> instruments = list(report, "instruments");
        assertEquals(1, instruments.size());

        // hours and utilisation, by the month each booking started (a report per year they fall in)
        Map<String, Long> minutesSeen = new TreeMap<>();
        for (int y : usedMinutesByMonth.keySet().stream().map(m -> Integer.parseInt(m.substring(0, 4))).distinct().toList()) {
            for (Map<String, Object> r : list(send(w.ownerAdminA, HttpRequest.GET("/api/v1/owners/" + w.ownerA
                    + "/revenue?year=" + y)), "rows")) {
                if (num(r, "usedMinutes") > 0) {
                    minutesSeen.merge((String) r.get("month"), num(r, "usedMinutes"), Long::sum);
                    assertEquals(Math.round(num(r, "usedMinutes") * 10_000.0 / 7_000), num(r, "utilisationBp"),
                            "monthly utilisation against 1,400 h ÷ 12 = 7,000 min");
                }
            }
        }
        assertEquals(usedMinutesByMonth, minutesSeen);
        if (usedMinutesByMonth.keySet().stream().allMatch(m -> m.startsWith(year + "-"))) {
            assertEquals(300L, num(instruments.get(0), "usedMinutes"));
            assertEquals(Math.round(300 * 10_000.0 / 84_000), num(instruments.get(0), "utilisationBp"),
                    "yearly utilisation against 1,400 h");
        }
    }

    @Test
    void thePageAndTheDownloadsSayTheSame() throws Exception {
        String yuan = String.format(java.util.Locale.ROOT, "%,.2f", grossFen / 100.0);
        String page = http.toBlocking().retrieve(HttpRequest.GET("/owner/" + w.ownerA + "/revenue?year=" + year)
                .bearerAuth(w.ownerAdminA).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(page.contains("id=\"revenue-table\"") && page.contains(temCode), "the table lists the instrument");
        assertTrue(page.contains("id=\"total-gross\">¥" + yuan + "<"), "the year's gross in 元: " + yuan);
        assertTrue(page.contains("id=\"chart-monthly\"") && page.contains("class=\"bar-gross\""), "a monthly chart");
        assertTrue(page.contains("id=\"chart-utilisation\""), "a utilisation chart");
        assertTrue(page.contains("1,400"), "the standard the utilisation is measured against is named");
        assertTrue(http.toBlocking().retrieve(HttpRequest.GET("/owner?org=" + w.ownerA).bearerAuth(w.ownerAdminA)
                .accept(MediaType.TEXT_HTML_TYPE)).contains("/owner/" + w.ownerA + "/revenue"), "linked from the owner page");

        HttpResponse<byte[]> csv = export("csv");
        assertTrue(csv.header("Content-Disposition").contains("owner-revenue-" + w.ownerA + "-" + year + ".csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        String plain = String.format(java.util.Locale.ROOT, "%.2f", grossFen / 100.0);
        assertTrue(text.contains(temCode) && text.contains(plain), "CSV has the instrument and the gross " + plain + ":\n" + text);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export("xlsx").body()))) {
            Sheet sheet = book.getSheetAt(0);
            double gross = 0;
            int grossColumn = -1;
            for (Row row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && cell.getStringCellValue().startsWith("毛收入")) {
                        grossColumn = cell.getColumnIndex();
                    }
                }
            }
            assertTrue(grossColumn >= 0, "a gross column");
            for (Row row : sheet) {
                var cell = row.getCell(grossColumn);
                var first = row.getCell(1);
                if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && first != null
                        && temCode.equals(first.getStringCellValue())) {
                    gross += cell.getNumericCellValue();
                }
            }
            assertEquals(grossFen / 100.0, gross, 0.001, "XLSX keeps numbers as numbers (元)");
        }

        byte[] pdf = export("pdf").body();
        try (var doc = Loader.loadPDF(pdf)) {
            String pdfText = new PDFTextStripper().getText(doc);
            assertTrue(pdfText.contains(temCode) && pdfText.contains(yuan), "the PDF shows the instrument and gross:\n" + pdfText);
        }
    }

    @Test
    void nobodyElseReadsItAndBadRequestsAreExplained() {
        assertEquals("404 OWNER_NOT_FOUND", error(w.ownerAdminB, HttpRequest.GET("/api/v1/owners/" + w.ownerA + "/revenue")));
        assertEquals("404 OWNER_NOT_FOUND", error(w.managerX, HttpRequest.GET("/api/v1/owners/" + w.ownerA + "/revenue")));
        assertEquals("404 OWNER_NOT_FOUND", error(w.buyer, HttpRequest.GET("/owner/" + w.ownerA + "/revenue/export?format=csv")));
        assertNotNull(send(w.admin, HttpRequest.GET("/api/v1/owners/" + w.ownerA + "/revenue")).get("rows"),
                "platform admins read every owner's report");
        assertEquals("400 YEAR_INVALID", error(w.ownerAdminA, HttpRequest.GET("/api/v1/owners/" + w.ownerA + "/revenue?year=1900")));
        assertEquals("400 FORMAT_INVALID", error(w.ownerAdminA,
                HttpRequest.GET("/owner/" + w.ownerA + "/revenue/export?format=docx")));
    }

    // ---- helpers ----

    private HttpResponse<byte[]> export(String format) {
        return http.toBlocking().exchange(HttpRequest.GET("/owner/" + w.ownerA + "/revenue/export?year=" + year
                + "&format=" + format).bearerAuth(w.ownerAdminA), byte[].class);
    }

    private long ownerBalance() {
        return list(send(w.ownerAdminA, HttpRequest.GET("/api/v1/ledger/parties/" + w.ownerA + "/accounts")), "accounts")
                .stream().filter(a -> "OWNER_PAYABLE".equals(a.get("type"))).mapToLong(a -> num(a, "balanceFen")).sum();
    }

    /** Books {@code hours} hours at 09:00 on a day of its own, accepted and paid by bank transfer. */
    private long paidOrder(String instrument, int hours) {
        Instant start = LocalDateTime.of(LocalDate.now(SH).plusDays(day.getAndIncrement()), LocalTime.of(9, 0)).atZone(SH)
                .toInstant();
        long id = num(send(w.buyer, HttpRequest.POST("/api/v1/instruments/" + instrument + "/bookings", Map.of(
                "start", start.toString(), "end", start.plusSeconds(3600L * hours).toString(), "mode", "STAFF_OPERATED"))), "id");
        send(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of()));
        send(w.financeX, HttpRequest.POST("/api/v1/orders/" + id + "/bank-transfer",
                Map.of("amountFen", RATE_FEN * hours, "reference", "REV-" + id)).header("Idempotency-Key", "rev-pay-" + id));
        return id;
    }

    /** Checks the booking in and out; returns when it started. */
    private Instant complete(long order) {
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
        Map<String, Object> done = send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-out", Map.of()));
        assertEquals("COMPLETED", done.get("state"));
        return Instant.parse((String) done.get("start"));
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
}
