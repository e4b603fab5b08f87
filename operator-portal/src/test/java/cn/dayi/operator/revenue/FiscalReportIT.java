package cn.dayi.operator.revenue;

import static cn.dayi.operator.PaidBookings.list;
import static cn.dayi.operator.PaidBookings.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.PaidBookings;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The fiscal report over HTTP on the real MariaDB. Owner A's TEM (category 01, Nanshan) and NMR (moved to category 02,
 * Futian) are entrusted to operator X, fiscal-funded (fiscal fund 20 %). Enterprise 1 holds a standard voucher grant:
 * an order on each instrument is paid by voucher and used (captured), one is checked out and still open (held), one
 * is checked out and cancelled (released: counts nowhere); operator X claims the captured vouchers and the fiscal
 * officer approves. Enterprise 2 holds a post-payment subsidy grant: its used order leaves a subsidy claim waiting.
 * The report's spend by programme, region and category is what the orders' voucher views said, its fiscal share is
 * what the ledger credited to the fiscal fund (balances API), the reimbursements due are the two claims; page, CSV,
 * XLSX and PDF say the same; only fiscal officers and admins read it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiscalReportIT implements RealServices {

    private static final long RATE_FEN = 66_161;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;
    @Inject
    Organisations organisations;
    @Inject
    Accounts accounts;
    @Inject
    SignIn signIn;
    @Inject
    Tokens tokens;

    World w;
    PaidBookings x;
    String tem;
    String nmr;
    String standardName;
    String subsidyName;
    String enterprise2Name;
    int year;
    /** Voucher money captured on the used TEM order, the used NMR order, and the subsidy of enterprise 2's order. */
    long temVoucherFen;
    long nmrVoucherFen;
    long subsidyFen;
    /** Held on the open order. */
    long heldFen;
    long fiscalShareFen;

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        x = new PaidBookings(http, w);
        tem = w.instrumentsA.get(0);
        nmr = w.instrumentsA.get(1);
        jdbc.write(c -> Jdbc.update(c, "UPDATE instrument SET category_code = '02', region_code = '440304' WHERE id = ?",
                Long.parseLong(nmr)));
        x.entrust(tem, 5000, 2000, 2500, 500);
        x.entrust(nmr, 5000, 2000, 2500, 500);
        x.priceAndOpen(tem, "FIS-HOUR", RATE_FEN);
        x.priceAndOpen(nmr, "FIS-HOUR", RATE_FEN);
        year = LocalDate.now(PaidBookings.SH).getYear();
        long fiscalBefore = fiscalFund();

        Buyer e1 = enterprise("1");
        Buyer e2 = enterprise("2");
        String b1 = e1.token();
        String b2 = e2.token();
        enterprise2Name = "财政报表企业-2-" + w.enterprise;
        standardName = "财政报表创新券-" + w.enterprise;
        subsidyName = "财政报表后补-" + w.enterprise;
        long standard = programme(standardName, "STANDARD", 5_000, e1.org());
        programme(subsidyName, "POST_PAYMENT_SUBSIDY", 2_000, e2.org());

        long o1 = checkedOut(b1, tem, 2);
        temVoucherFen = voucherFen(b1, o1);
        x.complete(o1);
        long o2 = checkedOut(b1, nmr, 3);
        nmrVoucherFen = voucherFen(b1, o2);
        x.complete(o2);
        long open = checkedOut(b1, tem, 1);
        heldFen = voucherFen(b1, open);
        long cancelled = checkedOut(b1, tem, 1);
        x.send(b1, HttpRequest.POST("/api/v1/orders/" + cancelled + "/cancel", Map.of()));
        assertEquals("RELEASED", x.send(b1, HttpRequest.GET("/api/v1/orders/" + cancelled + "/voucher")).get("state"));

        long o6 = x.accepted(b2, tem, 2);
        x.payByBankTransfer(o6, RATE_FEN * 2);
        x.complete(o6);
        subsidyFen = num(x.send(b2, HttpRequest.GET("/api/v1/orders/" + o6 + "/voucher")), "subsidyFen");
        assertTrue(subsidyFen > 0, "the subsidy programme pays back part of the order");

        Map<String, Object> claim = x.send(w.financeX, HttpRequest.POST("/api/v1/operators/" + w.operatorX
                + "/voucher-claims", Map.of("programmeId", standard, "period", YearMonth.now(PaidBookings.SH).toString())));
        x.send(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + num(claim, "id") + "/approve", Map.of()));
        fiscalShareFen = fiscalFund() - fiscalBefore;
        assertTrue(fiscalShareFen > 0, "the fiscal fund's share of the used orders");
    }

    @Test
    void voucherSpendByProgrammeRegionAndCategoryIsWhatTheOrdersCapturedNetOfReleases() {
        Map<String, Object> r = x.send(w.fiscal, HttpRequest.GET("/api/v1/fiscal/report?year=" + year));
        assertEquals(spend(temVoucherFen + nmrVoucherFen, 2, heldFen), spendOf(r, "byProgramme", standardName),
                "the standard programme: the two used orders; the open one held; the cancelled one nowhere");
        assertEquals(spend(subsidyFen, 1, 0), spendOf(r, "byProgramme", subsidyName));
        assertEquals(spend(temVoucherFen + subsidyFen, 2, heldFen), spendOf(r, "byCategory", "01"));
        assertEquals(spend(nmrVoucherFen, 1, 0), spendOf(r, "byCategory", "02"));
        assertEquals(spend(temVoucherFen + subsidyFen, 2, heldFen), spendOf(r, "byRegion", "440305"), "Nanshan: the TEM");
        assertEquals(spend(nmrVoucherFen, 1, 0), spendOf(r, "byRegion", "440304"), "Futian: the NMR");
        assertEquals(temVoucherFen + nmrVoucherFen + subsidyFen, num(r, "capturedFen"));
        assertEquals(heldFen, num(r, "heldFen"));
    }

    @Test
    void theFiscalShareIsWhatTheLedgerCreditedToTheFiscalFundAndTheClaimsDueAreListed() {
        Map<String, Object> r = x.send(w.admin, HttpRequest.GET("/api/v1/fiscal/report?year=" + year));
        assertEquals(fiscalShareFen, num(r, "fiscalShareFen"), "the fiscal fund's payable, from the balances API");
        String month = YearMonth.now(PaidBookings.SH).toString();
        List<Map<String, Object>> months = list(r, "fiscalShare");
        assertEquals(12, months.size());
        assertEquals(fiscalShareFen, months.stream().filter(m -> month.equals(m.get("month")))
                .mapToLong(m -> num(m, "fiscalShareFen")).sum(), "all posted this month");

        List<Map<String, Object>> due = list(r, "due");
        Map<String, Object> redemption = due.stream().filter(d -> "REDEMPTION".equals(d.get("kind"))).findFirst().orElseThrow();
        assertEquals(w.operatorX, num(redemption, "claimantId"));
        assertEquals(temVoucherFen + nmrVoucherFen, num(redemption, "approvedFen"), "approved, not yet paid");
        assertEquals(0L, num(redemption, "submittedFen"));
        Map<String, Object> subsidy = due.stream().filter(d -> "SUBSIDY".equals(d.get("kind"))).findFirst().orElseThrow();
        assertEquals(enterprise2Name, subsidy.get("claimantName"));
        assertEquals(subsidyFen, num(subsidy, "submittedFen"), "waiting for the fiscal officer");
        assertEquals(2, due.size());
        assertEquals(subsidyFen, num(r, "submittedFen"));
        assertEquals(temVoucherFen + nmrVoucherFen, num(r, "approvedFen"));
    }

    @Test
    void thePageAndTheDownloadsSayTheSame() throws Exception {
        long captured = temVoucherFen + nmrVoucherFen + subsidyFen;
        String page = http.toBlocking().retrieve(HttpRequest.GET("/fiscal/report?year=" + year).bearerAuth(w.fiscal)
                .accept(MediaType.TEXT_HTML_TYPE));
        assertTrue(page.contains("id=\"total-captured\">¥" + OperatorRevenueIT.yuan(captured) + "<"), "captured in 元");
        assertTrue(page.contains("id=\"total-fiscal-share\">¥" + OperatorRevenueIT.yuan(fiscalShareFen) + "<"));
        assertTrue(page.contains("id=\"total-approved\">¥" + OperatorRevenueIT.yuan(temVoucherFen + nmrVoucherFen) + "<"));
        for (String table : List.of("programmes", "regions", "categories", "fiscal-share", "due")) {
            assertTrue(page.contains("id=\"table-" + table + "\""), "the " + table + " table");
            assertTrue(page.contains("table=" + table + "&amp;format=xlsx"), "its download");
        }
        assertTrue(page.contains(standardName) && page.contains(subsidyName) && page.contains(enterprise2Name));
        assertTrue(http.toBlocking().retrieve(HttpRequest.GET("/fiscal/vouchers").bearerAuth(w.fiscal)
                .accept(MediaType.TEXT_HTML_TYPE)).contains("href=\"/fiscal/report\""), "linked from the voucher page");

        HttpResponse<byte[]> csv = export("programmes", "csv");
        assertTrue(csv.header("Content-Disposition").contains("fiscal-report-" + year + "-programmes.csv"));
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains(standardName) && text.contains(OperatorRevenueIT.plain(temVoucherFen + nmrVoucherFen))
                && text.contains(OperatorRevenueIT.plain(heldFen)), text);

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export("regions", "xlsx").body()))) {
            assertEquals(captured / 100.0, OperatorRevenueIT.columnSum(book.getSheetAt(0), "已使用("), 0.001,
                    "XLSX: the regions' captured amounts add up (元)");
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export("fiscal-share", "xlsx").body()))) {
            assertEquals(fiscalShareFen / 100.0, OperatorRevenueIT.columnSum(book.getSheetAt(0), "财政分成("), 0.001);
        }
        try (var doc = Loader.loadPDF(export("due", "pdf").body())) {
            String pdf = new PDFTextStripper().getText(doc);
            assertTrue(pdf.contains(OperatorRevenueIT.yuan(temVoucherFen + nmrVoucherFen))
                    && pdf.contains(OperatorRevenueIT.yuan(subsidyFen)), "the PDF shows the claims due:\n" + pdf);
        }
    }

    @Test
    void onlyFiscalOfficersAndAdminsReadItAndBadRequestsAreExplained() {
        assertEquals("403 FORBIDDEN", x.error(w.managerX, HttpRequest.GET("/api/v1/fiscal/report")));
        assertEquals("403 FORBIDDEN", x.error(w.buyer, HttpRequest.GET("/fiscal/report")));
        assertEquals("403 FORBIDDEN", x.error(w.ownerAdminA, HttpRequest.GET("/fiscal/report/export?table=due&format=csv")));
        assertEquals("400 YEAR_INVALID", x.error(w.fiscal, HttpRequest.GET("/api/v1/fiscal/report?year=1999")));
        assertEquals("400 FORMAT_INVALID", x.error(w.fiscal, HttpRequest.GET("/fiscal/report/export?table=due&format=doc")));
        assertEquals("400 TABLE_INVALID", x.error(w.fiscal, HttpRequest.GET("/fiscal/report/export?table=all&format=csv")));
    }

    // ---- helpers ----

    private static Map<String, Long> spend(long capturedFen, long uses, long heldFen) {
        return Map.of("capturedFen", capturedFen, "uses", uses, "heldFen", heldFen);
    }

    /** The spend row of {@code list} whose key (programme: label) is {@code key}, as the three figures. */
    private static Map<String, Long> spendOf(Map<String, Object> report, String list, String key) {
        Map<String, Object> row = list(report, list).stream()
                .filter(s -> key.equals(list.equals("byProgramme") ? s.get("label") : s.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not in " + report.get(list)));
        return Map.of("capturedFen", num(row, "capturedFen"), "uses", num(row, "uses"), "heldFen", num(row, "heldFen"));
    }

    /** An enterprise (verified, as organisations are made) and its BUYER_MEMBER's token. */
    private record Buyer(long org, String token) {
    }

    private Buyer enterprise(String n) {
        long org = organisations.create("财政报表企业-" + n + "-" + w.enterprise, null, OrganisationKind.ENTERPRISE, "440305").id();
        accounts.create(w.email("fiscal-buyer-" + n), "buyer " + n, World.PASSWORD, org, Role.BUYER_MEMBER, null);
        return new Buyer(org, tokens.issue(signIn.signIn(w.email("fiscal-buyer-" + n), World.PASSWORD, "test")));
    }

    /** A Shenzhen programme of {@code type} for every instrument, with a grant of 50,000 CNY to {@code enterprise}. */
    private long programme(String name, String type, int coverBp, long enterprise) {
        Map<String, Object> p = new HashMap<>();
        LocalDate today = LocalDate.now(PaidBookings.SH);
        p.put("name", name);
        p.put("type", type);
        p.put("budgetFen", 100_000_000L);
        p.put("validFrom", today.minusDays(30).toString());
        p.put("validUntil", today.plusDays(300).toString());
        p.put("regions", List.of("440300"));
        p.put("categories", List.of());
        p.put("instrumentIds", List.of());
        p.put("coverBp", coverBp);
        if (type.equals("STANDARD")) {
            p.put("fullCoverBelowFen", 100_000L); // orders under 1,000 CNY wholly; above, half
        }
        p.put("perOrderCapFen", 2_000_000L);
        p.put("yearlyCapFen", 10_000_000L);
        long id = num(x.send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes", p)), "id");
        x.send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes/" + id + "/grants",
                Map.of("enterpriseId", enterprise, "amountFen", 5_000_000L)));
        return id;
    }

    /** {@code buyer} books, the operator accepts, the buyer checks out with the voucher and pays the cash rest. */
    private long checkedOut(String buyer, String instrument, int hours) {
        long order = x.accepted(buyer, instrument, hours);
        @SuppressWarnings("unchecked")
        Map<String, Object> voucher = (Map<String, Object>) x.send(buyer, HttpRequest.POST("/api/v1/orders/" + order
                + "/checkout", Map.of())).get("voucher");
        long cash = num(voucher, "cashDueFen");
        if (cash > 0) {
            x.payByBankTransfer(order, cash);
        }
        return order;
    }

    private long voucherFen(String buyer, long order) {
        return num(x.send(buyer, HttpRequest.GET("/api/v1/orders/" + order + "/voucher")), "voucherFen");
    }

    private long fiscalFund() {
        return list(x.send(w.fiscal, HttpRequest.GET("/api/v1/ledger/parties/fiscal-fund/accounts")), "accounts").stream()
                .filter(a -> "FISCAL_FUND_PAYABLE".equals(a.get("type"))).mapToLong(a -> num(a, "balanceFen")).sum();
    }

    private HttpResponse<byte[]> export(String table, String format) {
        return http.toBlocking().exchange(HttpRequest.GET("/fiscal/report/export?year=" + year + "&table=" + table
                + "&format=" + format).bearerAuth(w.fiscal), byte[].class);
    }
}
