package cn.dayi.operator.revenue;

import static cn.dayi.operator.PaidBookings.list;
import static cn.dayi.operator.PaidBookings.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.PaidBookings;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    private static final ZoneId SH = PaidBookings.SH;
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
    PaidBookings money;
    /** Booked minutes of the used TEM bookings by the month (Shanghai) they started. */
    final Map<String, Long> usedMinutesByMonth = new TreeMap<>();
    long ownerShareFen;
    long grossFen;
    int year;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        money = new PaidBookings(http, w);
        tem = w.instrumentsA.get(0);
        own = w.instrumentsB.get(1);
        temCode = jdbc.read(c -> Jdbc.one(c, "SELECT code FROM instrument WHERE id = ?", rs -> rs.getString(1),
                Long.parseLong(tem))).orElseThrow();
        money.entrust(tem, 5000, 2000, 2500, 500);
        jdbc.write(c -> Jdbc.update(c, "UPDATE instrument SET owner_id = ? WHERE id = ?", w.operatorX, Long.parseLong(own)));
        money.priceAndOpen(tem, "REV-HOUR", RATE_FEN);
        money.priceAndOpen(own, "REV-HOUR", RATE_FEN);
        long ownerBefore = ownerBalance();
        year = LocalDate.now(SH).getYear(); // the year the journals are posted in
        for (int hours : List.of(2, 3)) {
            Instant start = money.complete(money.paid(tem, hours, RATE_FEN));
            usedMinutesByMonth.merge(DateTimeFormatter.ofPattern("yyyy-MM").withZone(SH).format(start), hours * 60L, Long::sum);
            grossFen += RATE_FEN * hours;
        }
        money.paid(tem, 4, RATE_FEN); // paid, not used: held for the buyer, no revenue yet
        money.complete(money.paid(own, 1, RATE_FEN)); // operator X's own instrument: not owner A's
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
        return money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE");
    }

    private Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        return money.send(token, request);
    }

    private String error(String token, MutableHttpRequest<?> request) {
        return money.error(token, request);
    }
}
