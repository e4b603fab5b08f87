package cn.dayi.operator.revenue;

import static cn.dayi.operator.PaidBookings.list;
import static cn.dayi.operator.PaidBookings.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The operator revenue report over HTTP on the real MariaDB: operator X serves owner A's TEM (entrusted, 50/20/25/5,
 * fiscal-funded) — two bookings used, one paid but not used, one testing-service order delivered — and an instrument
 * it owns itself (one booking used); operator Y serves an instrument of its own. X's report shows exactly what the
 * ledger credited to X (read back through the balances API), owner A's and the fiscal fund's shares, a gross that is
 * what the buyers paid for the used orders, hours, utilisation and the testing order; Y's instrument is not in it and
 * the platform commissions of X's and Y's reports add up to the platform's revenue. Page, CSV, XLSX and PDF say the
 * same; nobody else reads it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorRevenueIT implements RealServices {

    private static final long RATE_FEN = 66_161; // 661.61 元 per hour
    private static final long SAMPLE_FEN = 45_050; // 450.50 元 per sample
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(PaidBookings.SH);

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;

    World w;
    PaidBookings x;
    PaidBookings y;
    String tem;
    String own;
    String ownY;
    String temCode;
    String ownCode;
    String ownYCode;
    int year;
    /** Booked minutes of X's used bookings by instrument code and the month (Shanghai) they started. */
    final Map<String, Long> usedMinutes = new TreeMap<>();
    long grossFen;
    long grossYFen;
    long operatorShareFen;
    long operatorShareYFen;
    long ownerShareFen;
    long fiscalShareFen;
    long platformFen;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        x = new PaidBookings(http, w);
        y = PaidBookings.servedByY(http, w);
        tem = w.instrumentsA.get(0);
        own = w.instrumentsB.get(1);
        ownY = w.instrumentsB.get(2);
        x.entrust(tem, 5000, 2000, 2500, 500);
        jdbc.write(c -> {
            Jdbc.update(c, "UPDATE instrument SET owner_id = ? WHERE id = ?", w.operatorX, Long.parseLong(own));
            return Jdbc.update(c, "UPDATE instrument SET owner_id = ? WHERE id = ?", w.operatorY, Long.parseLong(ownY));
        });
        temCode = code(tem);
        ownCode = code(own);
        ownYCode = code(ownY);
        x.priceAndOpen(tem, "OPR-HOUR", RATE_FEN);
        x.priceAndOpen(own, "OPR-HOUR", RATE_FEN);
        y.priceAndOpen(ownY, "OPR-HOUR", RATE_FEN);
        long operatorBefore = x.balance(w.financeX, w.operatorX, "OPERATOR_PAYABLE");
        long operatorYBefore = y.balance(w.managerY, w.operatorY, "OPERATOR_PAYABLE");
        long ownerBefore = x.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE");
        long fiscalBefore = platformLevel("fiscal-fund", "FISCAL_FUND_PAYABLE");
        long platformBefore = platformLevel("platform", "PLATFORM_REVENUE");
        year = LocalDate.now(PaidBookings.SH).getYear(); // the year the journals are posted in

        for (Object[] b : List.of(new Object[] {tem, temCode, 2}, new Object[] {tem, temCode, 3},
                new Object[] {own, ownCode, 1})) {
            int hours = (Integer) b[2];
            Instant start = x.complete(x.paid((String) b[0], hours, RATE_FEN));
            usedMinutes.merge(b[1] + "|" + MONTH.format(start), hours * 60L, Long::sum);
            grossFen += RATE_FEN * hours;
        }
        x.paid(tem, 4, RATE_FEN); // paid, not used: held for the buyer, no revenue yet
        grossFen += deliveredTestingOrder(tem, 2);
        y.complete(y.paid(ownY, 2, RATE_FEN));
        grossYFen = RATE_FEN * 2;

        operatorShareFen = x.balance(w.financeX, w.operatorX, "OPERATOR_PAYABLE") - operatorBefore;
        operatorShareYFen = y.balance(w.managerY, w.operatorY, "OPERATOR_PAYABLE") - operatorYBefore;
        ownerShareFen = x.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE") - ownerBefore;
        fiscalShareFen = platformLevel("fiscal-fund", "FISCAL_FUND_PAYABLE") - fiscalBefore;
        platformFen = platformLevel("platform", "PLATFORM_REVENUE") - platformBefore;
    }

    @Test
    void theReportShowsTheLedgersSharesOfTheOrdersTheOperatorServedAndTheirUse() {
        Map<String, Object> report = send(w.financeX, HttpRequest.GET("/api/v1/operators/" + w.operatorX + "/revenue?year="
                + year));
        List<Map<String, Object>> rows = list(report, "rows");
        assertTrue(rows.stream().noneMatch(r -> ownYCode.equals(r.get("instrumentCode"))), "not operator Y's instrument");
        assertTrue(rows.stream().allMatch(r -> List.of(temCode, ownCode).contains(r.get("instrumentCode"))), rows.toString());
        assertEquals(grossFen, num(report, "grossFen"),
                "gross: 6 used hours × 661.61 元 and the delivered testing order; the paid but unused booking is not revenue");
        assertEquals(operatorShareFen, num(report, "operatorShareFen"), "what the ledger credited to operator X");
        assertEquals(ownerShareFen, num(report, "ownerShareFen"), "what the ledger credited to owner A");
        assertEquals(fiscalShareFen, num(report, "fiscalShareFen"), "what the ledger credited to the fiscal fund");
        assertEquals(grossFen, num(report, "operatorShareFen") + num(report, "platformFen") + num(report, "ownerShareFen")
                + num(report, "fiscalShareFen"), "the four shares sum to the gross");
        assertEquals(1L, num(report, "testingCompleted"), "the delivered testing order");

        Map<String, Object> ownRow = instrument(report, ownCode);
        assertEquals(true, ownRow.get("own"));
        assertEquals(RATE_FEN, num(ownRow, "grossFen"));
        Map<String, Object> temRow = instrument(report, temCode);
        assertEquals(false, temRow.get("own"));
        assertEquals(1L, num(temRow, "testingCompleted"));

        Map<String, Object> reportY = send(w.managerY, HttpRequest.GET("/api/v1/operators/" + w.operatorY + "/revenue?year="
                + year));
        assertEquals(grossYFen, num(reportY, "grossFen"));
        assertEquals(operatorShareYFen, num(reportY, "operatorShareFen"));
        assertTrue(list(reportY, "rows").stream().allMatch(r -> ownYCode.equals(r.get("instrumentCode"))));
        assertEquals(platformFen, num(report, "platformFen") + num(reportY, "platformFen"),
                "X's and Y's commissions are the platform's revenue");

        // hours and utilisation, by the month each booking started (a report per year they fall in)
        Map<String, Long> seen = new TreeMap<>();
        for (int yr : usedMinutes.keySet().stream().map(k -> Integer.parseInt(k.substring(k.indexOf('|') + 1, k.indexOf('|') + 5)))
                .distinct().toList()) {
            for (Map<String, Object> r : list(send(w.managerX, HttpRequest.GET("/api/v1/operators/" + w.operatorX
                    + "/revenue?year=" + yr)), "rows")) {
                if (num(r, "usedMinutes") > 0) {
                    seen.merge(r.get("instrumentCode") + "|" + r.get("month"), num(r, "usedMinutes"), Long::sum);
                    assertEquals(Math.round(num(r, "usedMinutes") * 10_000.0 / 7_000), num(r, "utilisationBp"),
                            "monthly utilisation against 1,400 h ÷ 12 = 7,000 min");
                }
            }
        }
        assertEquals(usedMinutes, seen);
        if (usedMinutes.keySet().stream().allMatch(k -> k.contains("|" + year + "-"))) {
            assertEquals(300L, num(instrument(report, temCode), "usedMinutes"));
            assertEquals(Math.round(300 * 10_000.0 / 84_000), num(instrument(report, temCode), "utilisationBp"),
                    "yearly utilisation against 1,400 h");
        }
    }

    @Test
    void thePageAndTheDownloadsSayTheSame() throws Exception {
        String gross = yuan(grossFen);
        String share = yuan(operatorShareFen);
        String page = http.toBlocking().retrieve(HttpRequest.GET("/operator/" + w.operatorX + "/revenue?year=" + year)
                .bearerAuth(w.managerX).accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(page.contains("id=\"total-gross\">¥" + gross + "<"), "the year's gross in 元: " + gross);
        assertTrue(page.contains("id=\"total-operator\">¥" + share + "<"), "the operator's share in 元: " + share);
        assertTrue(page.contains("id=\"total-fiscal\">¥" + yuan(fiscalShareFen) + "<"));
        assertTrue(page.contains("id=\"revenue-table\"") && page.contains(temCode) && page.contains(ownCode));
        assertFalse(page.contains(ownYCode), "not operator Y's instrument");
        assertTrue(page.contains("id=\"chart-monthly\"") && page.contains("class=\"bar-share\""), "a monthly chart");
        assertTrue(page.contains("id=\"chart-utilisation\"") && page.contains("1,400"), "a utilisation chart");
        String workspace = http.toBlocking().retrieve(HttpRequest.GET("/operator?org=" + w.operatorX).bearerAuth(w.financeX)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(workspace.contains("/operator/" + w.operatorX + "/revenue"), "linked from the workspace");
        assertFalse(http.toBlocking().retrieve(HttpRequest.GET("/operator?org=" + w.operatorX).bearerAuth(w.technicianX)
                .accept(MediaType.TEXT_HTML_TYPE)).contains("operator-revenue-link"), "not offered to technicians");

        HttpResponse<byte[]> csv = export("csv");
        assertTrue(csv.header("Content-Disposition").contains("operator-revenue-" + w.operatorX + "-" + year + ".csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains(temCode) && text.contains(plain(grossFen)) && text.contains(plain(operatorShareFen)),
                "CSV has the instruments and the totals " + plain(grossFen) + ", " + plain(operatorShareFen) + ":\n" + text);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export("xlsx").body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(operatorShareFen / 100.0, columnSum(sheet, "本机构分成("), 0.001, "XLSX: the operator share (元)");
            assertEquals(grossFen / 100.0, columnSum(sheet, "毛收入("), 0.001, "XLSX: the gross (元)");
        }

        try (var doc = Loader.loadPDF(export("pdf").body())) {
            String pdfText = new PDFTextStripper().getText(doc);
            assertTrue(pdfText.contains(temCode) && pdfText.contains(gross) && pdfText.contains(share),
                    "the PDF shows the instrument, gross and share:\n" + pdfText);
        }
    }

    @Test
    void nobodyElseReadsItAndBadRequestsAreExplained() {
        String api = "/api/v1/operators/" + w.operatorX + "/revenue";
        assertEquals("404 OPERATOR_NOT_FOUND", error(w.technicianX, HttpRequest.GET(api)), "technicians do not see money");
        assertEquals("404 OPERATOR_NOT_FOUND", error(w.managerY, HttpRequest.GET(api)));
        assertEquals("404 OPERATOR_NOT_FOUND", error(w.ownerAdminA, HttpRequest.GET(api)));
        assertEquals("404 OPERATOR_NOT_FOUND", error(w.fiscal, HttpRequest.GET("/operator/" + w.operatorX + "/revenue")));
        assertEquals("404 OPERATOR_NOT_FOUND", error(w.buyer, HttpRequest.GET("/operator/" + w.operatorX
                + "/revenue/export?format=csv")));
        assertEquals(grossFen, num(send(w.admin, HttpRequest.GET(api + "?year=" + year)), "grossFen"),
                "platform admins read every operator's report");
        assertEquals("400 YEAR_INVALID", error(w.managerX, HttpRequest.GET(api + "?year=1900")));
        assertEquals("400 FORMAT_INVALID", error(w.managerX, HttpRequest.GET("/operator/" + w.operatorX
                + "/revenue/export?format=docx")));
    }

    // ---- helpers ----

    /** A testing order of {@code samples} samples on {@code instrument}, ordered, paid and delivered; its total. */
    @SuppressWarnings("unchecked")
    private long deliveredTestingOrder(String instrument, int samples) {
        long item = num(send(w.managerX, HttpRequest.POST("/api/v1/instruments/" + instrument + "/service-items",
                Map.of("name", "能谱分析 EDS", "unitPriceFen", SAMPLE_FEN, "turnaroundDays", 3))), "id");
        Map<String, Object> ordered = send(w.buyer, HttpRequest.POST("/api/v1/instruments/" + instrument + "/testing-orders",
                Map.of("items", List.of(Map.of("serviceItemId", item, "sampleCount", samples)),
                        "sampleDescription", "2 片硅片，常温保存；无危险")));
        long id = num((Map<String, Object>) ordered.get("order"), "id");
        send(w.managerX, HttpRequest.POST("/api/v1/orders/" + id + "/accept", Map.of()));
        x.payByBankTransfer(id, SAMPLE_FEN * samples);
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id + "/samples-received", Map.of()));
        http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + id + "/results?name=data.csv",
                "sample,peak\nA,1.5\n".getBytes(StandardCharsets.UTF_8)).contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .bearerAuth(w.technicianX), Map.class);
        assertEquals("COMPLETED", send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + id + "/deliver", Map.of()))
                .get("state"));
        return SAMPLE_FEN * samples;
    }

    /** The year's figures of one instrument. */
    private static Map<String, Object> instrument(Map<String, Object> report, String code) {
        return list(report, "instruments").stream().filter(i -> code.equals(i.get("instrumentCode"))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " not in " + report.get("instruments")));
    }

    /**
     * The sum of the numeric body cells (not the totals row) of the column whose header starts with {@code header}
     * (e.g. "毛收入(": the header, not the subtitle that begins with the same word).
     */
    static double columnSum(Sheet sheet, String header) {
        int column = -1;
        for (Row row : sheet) {
            for (var cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(header)) {
                    column = cell.getColumnIndex();
                }
            }
        }
        assertTrue(column >= 0, "a column " + header);
        double sum = 0;
        for (Row row : sheet) {
            var first = row.getCell(0);
            boolean totals = first != null && first.getCellType() == CellType.STRING
                    && first.getStringCellValue().startsWith("合计");
            var cell = row.getCell(column);
            if (cell != null && cell.getCellType() == CellType.NUMERIC && !totals) {
                sum += cell.getNumericCellValue();
            }
        }
        return sum;
    }

    private String code(String instrument) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT code FROM instrument WHERE id = ?", rs -> rs.getString(1),
                Long.parseLong(instrument))).orElseThrow();
    }

    /** Balance of a platform-level account (party "platform" or "fiscal-fund"), read by an admin. */
    private long platformLevel(String party, String type) {
        return list(send(w.admin, HttpRequest.GET("/api/v1/ledger/parties/" + party + "/accounts")), "accounts").stream()
                .filter(a -> type.equals(a.get("type"))).mapToLong(a -> num(a, "balanceFen")).sum();
    }

    private HttpResponse<byte[]> export(String format) {
        return http.toBlocking().exchange(HttpRequest.GET("/operator/" + w.operatorX + "/revenue/export?year=" + year
                + "&format=" + format).bearerAuth(w.financeX), byte[].class);
    }

    static String yuan(long fen) {
        return String.format(Locale.ROOT, "%,.2f", fen / 100.0);
    }

    static String plain(long fen) {
        return String.format(Locale.ROOT, "%.2f", fen / 100.0);
    }

    private Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        return x.send(token, request);
    }

    private String error(String token, MutableHttpRequest<?> request) {
        return x.error(token, request);
    }
}
