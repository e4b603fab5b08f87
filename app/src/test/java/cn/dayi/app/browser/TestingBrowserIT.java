package cn.dayi.app.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.FilePayload;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ordering a testing service (送样检测) in headless Chromium, end to end: a verified enterprise's buyer
 * finds the testing-service block on an instrument page and orders two items, one of them priced on
 * request (面议), after the form has refused an order without items and a count that is not a number
 * (keeping what was typed); the operator's manager quotes the item on request in the inbox; the buyer
 * accepts the quote and enters the courier and tracking number; the operator's finance staff record the
 * bank transfer; the manager marks the samples received, is refused a result that is not what its
 * name says, an empty one and one over the size limit, uploads a PDF and delivers; the buyer downloads
 * the very bytes uploaded and reviews with 4 stars; the manager replies; the instrument page shows the
 * rating and the reply. A buyer of an enterprise that is not verified yet is told why it cannot order.
 */
class TestingBrowserIT {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final String PASSWORD = "browser-password-1";
    /** The file store's limit in this test, so that "too large" needs only a small file. */
    private static final int MAX_BYTES = 64 * 1024;

    private static EmbeddedServer server;
    private static String base;
    private static Playwright playwright;
    private static Browser browser;
    private static String code;
    private static long operatorId;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> props = new HashMap<>(TestServices.isolatedMicronautProperties());
        props.put("micronaut.server.port", -1);
        props.put("dayi.catalogue.seed-on-empty", false);
        props.put("dayi.files.max-bytes", MAX_BYTES);
        props.put("dayi.files.root", Files.createTempDirectory("dayi-testing-browser").toString());
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        base = "http://localhost:" + server.getPort();
        ApplicationContext ctx = server.getApplicationContext();
        String csv = "source_id,name,model,manufacturer,country,original_value_cny,purchase_date,funding_source,owner_name,"
                + "owner_kind,district,lat,lon,category,technical_parameters,sharing_mode\n"
                + "TS-XRD,X射线衍射仪,D8 ADVANCE,Bruker,德国,1800000,2018-05-10,地方财政资金,送样检测大学,高校,南山区,"
                + "22.60,113.99,01,Cu 靶 40 kV,外部共享\n";
        ImportReport report = ctx.getBean(CatalogueImporter.class).importFile("dayi-csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new ImportOptions("testing-browser", null, 0),
                ImportProgress.NONE);
        assertEquals(1, report.inserted(), report.toString());
        Organisations organisations = ctx.getBean(Organisations.class);
        Accounts accounts = ctx.getBean(Accounts.class);
        Jdbc jdbc = ctx.getBean(Jdbc.class);
        operatorId = organisations.create("南山检测服务中心", "Nanshan testing centre", OrganisationKind.OPERATOR, "440305").id();
        long xrdId = jdbc.read(c -> Jdbc.one(c, "SELECT id FROM instrument WHERE source_id = 'TS-XRD'", rs -> rs.getLong(1)))
                .orElseThrow();
        jdbc.write(c -> Jdbc.update(c, "UPDATE instrument SET owner_id = ? WHERE id = ?", operatorId, xrdId));
        code = jdbc.read(c -> Jdbc.one(c, "SELECT code FROM instrument WHERE id = ?", rs -> rs.getString(1), xrdId))
                .orElseThrow();
        accounts.create("ops@testing.test", "王主任", PASSWORD, operatorId, Role.OPERATOR_MANAGER, null);
        accounts.create("finance@testing.test", "陈会计", PASSWORD, operatorId, Role.OPERATOR_FINANCE, null);
        long enterprise = organisations.create("深圳材料检测需求有限公司", null, OrganisationKind.ENTERPRISE, "440305").id();
        accounts.create("buyer@testing.test", "刘工", PASSWORD, enterprise, Role.BUYER_MEMBER, null);
        ctx.getBean(cn.dayi.marketplace.account.Registrations.class).register(new cn.dayi.marketplace.account.Registrations
                .Registration("深圳待审检测企业有限公司", BrowserSteps.creditCode("91440300MA5BXK301"), "440305", "pending@testing.test",
                "孙工", PASSWORD));

        // the operator's service items, through the API: one at a fixed price, one on request (面议)
        String token = ctx.getBean(Tokens.class).issue(ctx.getBean(SignIn.class).signIn("ops@testing.test", PASSWORD, "test"));
        api(token, "POST", "/api/v1/instruments/" + xrdId + "/service-items",
                "{\"name\":\"物相定性分析\",\"unitPriceFen\":80000,\"turnaroundDays\":5}");
        api(token, "POST", "/api/v1/instruments/" + xrdId + "/service-items",
                "{\"name\":\"残余应力测定\",\"turnaroundDays\":10}");
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    private static void api(String token, String method, String path, String json) throws Exception {
        BrowserSteps.api(base, token, method, path, json);
    }

    @AfterAll
    static void stop() throws Exception {
        BrowserSteps.close(browser, playwright, server);
    }

    private static Page signIn(BrowserContext context, String email) {
        return BrowserSteps.signIn(context, email, PASSWORD);
    }

    private static BrowserContext context() {
        return Chromium.offline(browser, base, "zh-CN");
    }

    /** The id of the row ({@code data-item}) of the item named {@code name} on the order form. */
    private static String itemId(Page page, String name) {
        return page.locator("#testing-items tr", new Page.LocatorOptions().setHasText(name)).getAttribute("data-item");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aBuyerOrdersTestingTheOperatorQuotesTestsAndDeliversAndTheReviewShowsOnTheInstrument() throws Exception {
        String instrumentPage = "/instruments/" + code;
        byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% 检测报告 XRD-2026-001\ntrailer << /Root 1 0 R >>\n"
                + "%%EOF\n").getBytes(StandardCharsets.UTF_8);

        try (BrowserContext pending = context()) {
            Page page = signIn(pending, "pending@testing.test");
            page.navigate(instrumentPage + "/testing");
            String fixed = itemId(page, "物相定性分析");
            page.locator("#item-" + fixed).check();
            page.locator("#sampleDescription").fill("粉末样品 2 份");
            page.locator("#submit-testing").click();
            assertTrue(page.locator("#testing-error").innerText().contains("not verified"),
                    page.locator("#testing-error").innerText());
        }

        long orderId;
        try (BrowserContext buyer = context()) {
            Page page = signIn(buyer, "buyer@testing.test");
            page.navigate(instrumentPage);
            String block = page.locator("#testing-service").innerText();
            assertTrue(block.contains("物相定性分析") && block.contains("800.00 元"), block);
            assertTrue(block.contains("残余应力测定") && block.contains("面议"), block);
            assertTrue(page.locator("#reviews-none").isVisible(), "no reviews yet");
            page.locator("#order-testing").click();
            page.waitForURL("**/testing");
            String fixed = itemId(page, "物相定性分析");
            String onRequest = itemId(page, "残余应力测定");

            // nothing chosen: refused, the description kept
            page.locator("#sampleDescription").fill("块状金属样品，10×10×2 mm，无危险性");
            page.locator("#submit-testing").click();
            assertTrue(page.locator("#testing-error").innerText().contains("Choose at least one service item"),
                    page.locator("#testing-error").innerText());
            assertEquals("块状金属样品，10×10×2 mm，无危险性", page.locator("#sampleDescription").inputValue());

            // a count that is not a number: refused, the choice and the count kept
            page.locator("#item-" + fixed).check();
            page.locator("#count-" + fixed).fill("两");
            page.locator("#submit-testing").click();
            assertTrue(page.locator("#testing-error").innerText().contains("not a number of samples"),
                    page.locator("#testing-error").innerText());
            assertTrue(page.locator("#item-" + fixed).isChecked());
            assertEquals("两", page.locator("#count-" + fixed).inputValue());

            page.locator("#count-" + fixed).fill("2");
            page.locator("#item-" + onRequest).check();
            page.locator("#count-" + onRequest).fill("1");
            page.locator("#note").fill("请保留样品");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("testing-form.png")).setFullPage(true));
            page.locator("#submit-testing").click();
            page.waitForURL("**/orders/**");
            orderId = Long.parseLong(page.url().replaceAll(".*/orders/(\\d+).*", "$1"));
            assertEquals("待受理", page.locator("#order-state").innerText());
            assertEquals("待报价", page.locator("#quote-state").innerText());
            String lines = page.locator("#order-lines").innerText();
            assertTrue(lines.contains("1,600.00 元"), "2 samples at 800 yuan: " + lines);
            assertTrue(page.locator("#order-total").innerText().contains("待报价"), "no total before the quote");
            assertEquals(0, page.locator("#accept-quote").count(), "nothing to accept yet");
        }

        try (BrowserContext operator = context()) {
            Page page = signIn(operator, "ops@testing.test");
            page.navigate("/operator/" + operatorId + "/orders");
            assertEquals(0, page.locator("#accept-" + orderId).count(), "an order with an item on request is quoted, not accepted");
            page.locator("#quote-form-" + orderId + " input[name^='price-']").fill("1200.50");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("testing-quote.png")).setFullPage(true));
            page.locator("#quote-" + orderId).click();
            page.waitForURL("**done=QUOTE**");
            assertTrue(page.locator("#testing-orders tr[data-order='" + orderId + "']").innerText().contains("已受理"));
        }

        try (BrowserContext buyer = context()) {
            Page page = signIn(buyer, "buyer@testing.test");
            page.navigate("/orders/" + orderId);
            assertTrue(page.locator("#order-lines").innerText().contains("1,200.50 元"));
            assertTrue(page.locator("#order-total").innerText().contains("2,800.50 元"), page.locator("#order-total").innerText());
            page.locator("#accept-quote").click();
            page.waitForURL("**done=ACCEPT_QUOTE**");
            assertEquals("待付款", page.locator("#order-state").innerText());
            page.locator("#courier").fill("顺丰速运");
            page.locator("#trackingNumber").fill("SF1234567890");
            page.locator("#save-shipping").click();
            page.waitForURL("**done=SHIPPED**");
            assertTrue(page.locator("#shipping-given").innerText().contains("SF1234567890"));
            assertTrue(page.locator("#order-history").innerText().contains("需求方确认报价"));
        }

        try (BrowserContext finance = context()) {
            Page page = signIn(finance, "finance@testing.test");
            page.navigate("/operator/" + operatorId + "/orders");
            page.locator("#amount-" + orderId).fill("2800.50");
            page.locator("#reference-" + orderId).fill("BANK-TS-0001");
            page.locator("#transfer-" + orderId).click();
            page.waitForURL("**done=RECORD_BANK_TRANSFER**");
        }

        String shownSha;
        try (BrowserContext operator = context()) {
            Page page = signIn(operator, "ops@testing.test");
            page.navigate("/orders/" + orderId);
            assertEquals("已确认", page.locator("#order-state").innerText());
            page.locator("#receive-samples").click();
            page.waitForURL("**done=RECEIVE_SAMPLES**");
            assertEquals("检测中", page.locator("#order-state").innerText());
            assertTrue(page.locator("#results-none").isVisible(), "no results yet");

            // refused uploads, said on the page, nothing kept
            page.locator("#result-file").setInputFiles(new FilePayload("report.pdf", "application/pdf",
                    "这不是 PDF，只是文字".getBytes(StandardCharsets.UTF_8)));
            page.locator("#upload-result").click();
            page.waitForURL("**error=**");
            assertTrue(page.locator("#order-error").innerText().contains("but its content is"),
                    page.locator("#order-error").innerText());
            page.locator("#result-file").setInputFiles(new FilePayload("empty.pdf", "application/pdf", new byte[0]));
            page.locator("#upload-result").click();
            page.waitForURL("**error=**empty**");
            assertTrue(page.locator("#order-error").innerText().contains("is empty"), page.locator("#order-error").innerText());
            byte[] big = new byte[MAX_BYTES + 1024];
            System.arraycopy(pdf, 0, big, 0, pdf.length);
            page.locator("#result-file").setInputFiles(new FilePayload("big.pdf", "application/pdf", big));
            page.locator("#upload-result").click();
            page.waitForURL("**error=**limit**");
            assertTrue(page.locator("#order-error").innerText().contains("limit"), page.locator("#order-error").innerText());
            assertTrue(page.locator("#results-none").isVisible(), "no refused file was kept");

            page.locator("#result-file").setInputFiles(new FilePayload("XRD-report.pdf", "application/pdf", pdf));
            page.locator("#upload-result").click();
            page.waitForURL("**done=RESULT_UPLOADED**");
            assertTrue(page.locator("#result-files").innerText().contains("XRD-report.pdf"));
            shownSha = page.locator("#result-files code").first().innerText();
            page.locator("#deliver").click();
            page.waitForURL("**done=DELIVER**");
            assertEquals("已完成", page.locator("#order-state").innerText());
            assertEquals(0, page.locator("#upload-form").count(), "no uploads after delivery");
        }
        assertEquals(sha256(pdf), shownSha, "the page shows the checksum of the bytes uploaded");

        try (BrowserContext buyer = context()) {
            Page page = signIn(buyer, "buyer@testing.test");
            page.navigate("/orders/" + orderId);
            Download download = page.waitForDownload(() -> page.locator(".result-link").first().click());
            assertEquals("XRD-report.pdf", download.suggestedFilename());
            byte[] got = Files.readAllBytes(download.path());
            assertArrayEquals(pdf, got, "the buyer gets the very bytes the operator uploaded");
            assertEquals(sha256(pdf), sha256(got));

            page.locator("#rating-4").check();
            page.locator("#review-text").fill("数据清晰，报告及时");
            page.locator("#send-review").click();
            page.waitForURL("**done=REVIEW**");
            assertEquals("已评价", page.locator("#order-state").innerText());
            assertEquals("★★★★☆", page.locator("#review-stars").innerText());
            assertEquals(0, page.locator("#review-form").count(), "reviewed once");
        }

        try (BrowserContext operator = context()) {
            Page page = signIn(operator, "ops@testing.test");
            page.navigate("/orders/" + orderId);
            page.locator("#reply").fill("感谢您的认可，欢迎再次送样");
            page.locator("#send-reply").click();
            page.waitForURL("**done=REVIEW_REPLIED**");
            assertTrue(page.locator("#review-reply").innerText().contains("感谢您的认可"));
            assertEquals(0, page.locator("#reply-form").count(), "replied once");
        }

        try (BrowserContext visitor = context()) {
            Page page = visitor.newPage();
            page.navigate(instrumentPage);
            String summary = page.locator("#rating-summary").innerText();
            assertTrue(summary.contains("4.0") && summary.contains("1 条"), summary);
            String reviews = page.locator("#review-list").innerText();
            assertTrue(reviews.contains("数据清晰，报告及时") && reviews.contains("感谢您的认可，欢迎再次送样"), reviews);
            assertTrue(reviews.contains("深圳材料检测需求有限公司"), reviews);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("testing-reviews.png")).setFullPage(true));
        }
    }
}
