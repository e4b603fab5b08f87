package cn.dayi.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The supply side in headless Chromium: an operator manager signs in, proposes an entrustment of
 * an owner's NMR spectrometer, the owner's admin signs in and accepts it, and the instrument shows
 * in the operator's fleet as entrusted — each step through the pages a person would use.
 */
class SupplySideBrowserIT {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final String PASSWORD = "browser-password-1";

    private static EmbeddedServer server;
    private static String base;
    private static Playwright playwright;
    private static Browser browser;
    private static long ownerId;
    private static String nmrCode;

    @BeforeAll
    static void start() throws Exception {
        Map<String, Object> props = new HashMap<>(TestServices.isolatedMicronautProperties());
        props.put("micronaut.server.port", -1);
        props.put("dayi.catalogue.seed-on-empty", false);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        base = "http://localhost:" + server.getPort();
        ApplicationContext ctx = server.getApplicationContext();
        String csv = "source_id,name,model,manufacturer,country,original_value_cny,purchase_date,funding_source,owner_name,"
                + "owner_kind,district,lat,lon,category,technical_parameters,sharing_mode\n"
                + "BR-NMR,核磁共振波谱仪,AVANCE NEO 600,Bruker,德国,6500000,2021-03-15,中央财政资金,浏览器测试大学,高校,南山区,"
                + "22.53,113.93,01,600 MHz,外部共享\n";
        ImportReport report = ctx.getBean(CatalogueImporter.class).importFile("dayi-csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new ImportOptions("browser", null, 0),
                ImportProgress.NONE);
        assertEquals(1, report.inserted(), report.toString());
        Organisations organisations = ctx.getBean(Organisations.class);
        Accounts accounts = ctx.getBean(Accounts.class);
        ownerId = organisations.search("浏览器测试大学", null, 1).get(0).id();
        long operatorId = organisations.create("南山分析测试服务中心", "Nanshan analysis centre", OrganisationKind.OPERATOR,
                "440305").id();
        accounts.create("manager@browser.test", "王经理", PASSWORD, operatorId, Role.OPERATOR_MANAGER, null);
        accounts.create("owner@browser.test", "陈处长", PASSWORD, ownerId, Role.OWNER_ADMIN, null);
        nmrCode = ctx.getBean(cn.dayi.marketplace.db.Jdbc.class).read(c -> cn.dayi.marketplace.db.Jdbc.one(c,
                "SELECT code FROM instrument WHERE source_id = 'BR-NMR'", rs -> rs.getString(1))).orElseThrow();
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
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

    @Test
    void anOperatorProposesTheOwnerAcceptsAndTheInstrumentJoinsTheFleet() {
        String entrustmentUrl;
        try (BrowserContext operator = context()) {
            Page page = signIn(operator, "manager@browser.test");
            assertTrue(page.locator("#my-roles").innerText().contains("服务机构负责人"));
            page.getByText("进入服务机构工作台").click();
            page.waitForURL("**/operator");
            assertTrue(page.locator("#fleet").count() == 0, "no fleet before any entrustment");
            page.locator("#ownerId").selectOption(Long.toString(ownerId));
            page.locator("#instruments").fill(nmrCode);
            page.locator("#platformBp").fill("600"); // 4000 + 1000 + 4500 + 600 = 10,100: refused
            page.getByText("发起并提交产权单位确认").click();
            assertTrue(page.locator("#propose-error").innerText().contains("10,000"), "the split error is explained");
            assertEquals(nmrCode, page.locator("#instruments").inputValue(), "what was typed is kept");
            page.locator("#platformBp").fill("500");
            page.getByText("发起并提交产权单位确认").click();
            page.waitForURL("**/entrustments/**");
            assertEquals("待确认", page.locator("#entrustment-state").innerText());
            entrustmentUrl = page.url().replaceAll("\\?.*", "").replace(base, "");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("entrustment-proposed.png")));
        }
        try (BrowserContext owner = context()) {
            Page page = signIn(owner, "owner@browser.test");
            page.getByText("进入产权单位页面").click();
            page.waitForURL("**/owner");
            assertTrue(page.locator("#owner-instruments").innerText().contains("未托管"));
            page.locator("#owner-entrustments a[href='" + entrustmentUrl + "']").first().click();
            page.waitForURL("**" + entrustmentUrl);
            page.locator("#action-accept").click();
            page.waitForURL("**done=ACCEPT");
            assertEquals("生效中", page.locator("#entrustment-state").innerText());
            assertTrue(page.locator("#entrustment-history").innerText().contains("产权单位接受"));
            assertTrue(page.locator("#entrustment-history").innerText().contains("陈处长"), "who accepted is shown");
            page.navigate("/owner");
            assertTrue(page.locator("#owner-instruments").innerText().contains("南山分析测试服务中心"), "custodian shown");
        }
        try (BrowserContext operator = context()) {
            Page page = signIn(operator, "manager@browser.test");
            page.navigate("/operator");
            String fleet = page.locator("#fleet").innerText();
            assertTrue(fleet.contains(nmrCode) && fleet.contains("托管"), fleet);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("operator-fleet.png")));

            // price the instrument from its costs and publish, within the guidance
            page.locator(".tariff-link[data-instrument='" + nmrCode + "']").click();
            page.waitForURL("**/tariff");
            page.locator("#originalValueYuan").fill("6500000");
            page.locator("#residualRatePct").fill("5");
            page.locator("#usefulLifeYears").fill("10");
            page.locator("#save-cost").click();
            page.waitForURL("**done=saved");
            assertTrue(page.locator("#calculator").innerText().contains("441.07"),
                    "depreciation 6,500,000 × 95 % / 10 / 1,400 h = 441.07 元/小时");
            page.locator("#code").fill("NMR-HOUR");
            page.locator("#commercialMarkupPct").fill("50");
            page.locator("#publish").click();
            page.waitForURL("**done=published**");
            assertTrue(page.locator("#versions-table").innerText().contains("NMR-HOUR"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("tariff-editor.png")));
            page.navigate("/operator");
            assertTrue(page.locator("#fleet").innerText().contains("NMR-HOUR v1"), "the fleet shows the current tariff");
        }
        try (BrowserContext buyer = context()) {
            Page page = buyer.newPage();
            page.navigate("/instruments/" + nmrCode);
            String from = page.locator("#price-from").innerText();
            assertTrue(from.contains("661.61"), "an anonymous buyer sees the commercial price (441.07 × 1.5): " + from);
        }
    }
}
