package cn.dayi.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.local.TestServices;
import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogue pages as a user sees them, in Debian's headless Chromium (Playwright, no browser
 * download): home with category tiles and counts, a search for 核磁 listing an NMR instrument
 * first, facets that narrow the list, a result opening its detail page, the English switch, map
 * markers without a tile server (every request leaving the app is aborted, as on an offline CI),
 * friendly 400/404 pages, and the 503 notice while Elasticsearch is down.
 *
 * <p>Runs against the real MariaDB and Elasticsearch of {@link TestServices} with 2,000 generated
 * demo instruments. Screenshots go to {@code target/screenshots/}. The browser is
 * {@code DAYI_CHROMIUM} (default {@code /usr/bin/chromium}).
 */
class CatalogueBrowserIT {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final int DEMO_COUNT = 2000;

    private static Map<String, Object> props;
    private static EmbeddedServer server;
    private static String base;
    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void start() throws Exception {
        props = new HashMap<>(TestServices.isolatedMicronautProperties());
        props.put("micronaut.server.port", -1);
        props.put("dayi.catalogue.seed-on-empty", false);
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        base = "http://localhost:" + server.getPort();
        ImportReport report = server.getApplicationContext().getBean(CatalogueImporter.class).importFile("demo",
                new ByteArrayInputStream(new byte[0]), new ImportOptions("demo", null, DEMO_COUNT), ImportProgress.NONE);
        assertTrue(report.inserted() > DEMO_COUNT / 2, "the demo catalogue loads: " + report);
        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stop() throws Exception {
        BrowserSteps.close(browser, playwright, server);
    }

    @BeforeEach
    void openBrowser() {
        // an English-speaking browser: the pages must still start in Chinese
        context = Chromium.offline(browser, base, "en-US");
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    @Test
    void homeShowsEveryCategoryWithItsCountAndTheTotal() {
        Response r = page.navigate("/");
        assertEquals(200, r.status());
        assertEquals("zh-CN", page.locator("html").getAttribute("lang"), "Chinese by default");
        Locator tiles = page.locator(".tile");
        assertEquals(15, tiles.count(), "all 15 national categories, empty ones too");
        long sum = 0;
        for (int i = 0; i < tiles.count(); i++) {
            sum += number(tiles.nth(i).locator(".tile-count").innerText());
        }
        long total = server.getApplicationContext().getBean(CatalogueReader.class).count();
        assertEquals(total, sum, "category counts add up to the catalogue");
        assertEquals(total, number(page.locator("#instrument-total").innerText()), "the total is shown");
        assertTrue(tiles.first().innerText().contains("分析仪器"));
        assertEveryInputLabelled();
        page.keyboard().press("Tab");
        assertEquals("skip-link", page.evaluate("() => document.activeElement.className"),
                "the first Tab reaches the skip link");
        assertTrue(page.locator(".skip-link").isVisible(), "which shows when focused");
        page.keyboard().press("Escape");
        page.locator("body").click(new Locator.ClickOptions().setPosition(1, 1));
        shot("home");
    }

    @Test
    void searchingForNmrListsAnNmrInstrumentFirst() {
        page.navigate("/");
        Locator box = page.getByLabel("搜索仪器");
        box.pressSequentially("核磁");
        Locator suggestion = page.locator("#home-q-suggestions [role=option]").first();
        suggestion.waitFor();
        assertTrue(suggestion.innerText().contains("核磁"), "autocomplete suggests: " + suggestion.innerText());
        assertEquals("true", box.getAttribute("aria-expanded"));
        box.press("Enter");
        page.waitForURL(url -> url.contains("/instruments?q="));
        assertTrue(page.locator(".result").count() > 0, "results are listed");
        String first = page.locator(".result .result-name").first().innerText();
        assertTrue(first.contains("核磁共振"), "first result is an NMR instrument: " + first);
        assertTrue(page.locator(".result .result-name em").count() > 0, "matches are highlighted");
        assertTrue(page.locator("h1").innerText().contains("核磁"));
        assertEveryInputLabelled();
        shot("results-nmr");
    }

    @Test
    void facetClicksNarrowTheList() {
        page.navigate("/instruments");
        long all = number(page.locator("#result-count").innerText());

        Locator category = page.locator("[data-facet=category] a.facet-option:not(.selected)").first();
        String categoryLabel = category.locator(".facet-label").innerText();
        long categoryCount = number(category.locator(".facet-count").innerText());
        category.click();
        page.waitForURL(url -> url.contains("category="));
        long narrowed = number(page.locator("#result-count").innerText());
        assertTrue(narrowed < all, "a category narrows the list: " + narrowed + " < " + all);
        assertEquals(categoryCount, narrowed, "as many as the facet promised");
        assertAll(page.locator(".result .result-category"), categoryLabel);
        assertTrue(page.locator(".chip").first().innerText().contains(categoryLabel), "the filter shows as a chip");

        Locator district = page.locator("[data-facet=district] a.facet-option:not(.selected)").first();
        String districtLabel = district.locator(".facet-label").innerText();
        district.click();
        page.waitForURL(url -> url.contains("district="));
        long both = number(page.locator("#result-count").innerText());
        assertTrue(both < narrowed, "a district narrows it further: " + both + " < " + narrowed);
        assertAll(page.locator(".result .result-district"), districtLabel);
        assertAll(page.locator(".result .result-category"), categoryLabel);
        shot("results-facets");

        page.locator(".chip").filter(new Locator.FilterOptions().setHasText(districtLabel)).click();
        page.waitForURL(url -> !url.contains("district="));
        assertEquals(narrowed, number(page.locator("#result-count").innerText()), "removing the chip widens again");
    }

    @Test
    void aResultOpensItsDetailPage() {
        page.navigate("/instruments?q=" + java.net.URLEncoder.encode("核磁", java.nio.charset.StandardCharsets.UTF_8));
        Locator first = page.locator(".result").first();
        String name = first.locator(".result-name").innerText().strip();
        String model = first.locator(".result-model").innerText().strip();
        first.locator(".result-title a").click();
        page.waitForURL(url -> url.matches(".*/instruments/DY[^/?]+$"));
        assertEquals(name, page.locator("h1").innerText().strip(), "the detail page shows its name");
        assertEquals(model, page.locator("#instrument-model").innerText().strip(), "and its model");
        assertTrue(page.locator("#instrument-facts").innerText().contains(model));
        assertTrue(page.locator("#instrument-facts").innerText().contains("元"), "original value in 元");
        assertTrue(page.locator("#demo-badge").isVisible(), "demo rows carry a badge");
        assertEquals(1, page.locator("#detail-map .leaflet-marker-icon").count(), "a small map with its marker");
        shot("detail");
    }

    @Test
    void theEnglishSwitchShowsEnglishAndIsRemembered() {
        page.navigate("/");
        page.locator("#lang-switch").click();
        page.waitForURL(url -> url.contains("lang=en"));
        assertEquals("en", page.locator("html").getAttribute("lang"));
        assertTrue(page.locator("h1").innerText().contains("Find large research instruments"));
        assertTrue(page.locator(".tile").first().innerText().contains("Analytical instruments"));
        shot("home-en");

        page.navigate("/instruments");
        assertEquals("en", page.locator("html").getAttribute("lang"), "the cookie remembers English");
        assertEquals("Filters", page.locator("#filters-heading").innerText());
        assertTrue(page.locator("#result-count").innerText().contains("instruments found"));
        assertEquals("Category", page.locator("#facet-category").innerText());
        shot("results-en");

        page.locator("#lang-switch").click();
        page.waitForURL(url -> url.contains("lang=zh"));
        assertEquals("zh-CN", page.locator("html").getAttribute("lang"));
        assertEquals("筛选条件", page.locator("#filters-heading").innerText());
    }

    @Test
    void theMapShowsAMarkerForEveryResultWithCoordinatesWithoutATileServer() {
        page.navigate("/instruments?q=" + java.net.URLEncoder.encode("电镜", java.nio.charset.StandardCharsets.UTF_8));
        int located = page.locator(".result .pin").count();
        assertTrue(located > 0, "demo instruments have coordinates");
        page.locator("#results-map[data-map-ready]").waitFor();
        assertEquals(located, page.locator("#results-map .leaflet-marker-icon").count());
        assertTrue(page.locator(".map-note").innerText().contains("联网"), "the page says tiles need internet");
        page.locator("#results-map .leaflet-marker-icon").first().click();
        assertTrue(page.locator(".leaflet-popup a.map-popup-title").isVisible(), "a marker opens a popup");
        String href = page.locator(".leaflet-popup a.map-popup-title").getAttribute("href");
        assertTrue(href.startsWith("/instruments/DY"), "which links to the detail page: " + href);
        shot("results-map");
    }

    @Test
    void invalidParametersAndUnknownInstrumentsGetFriendlyPages() {
        Response bad = page.navigate("/instruments?page=-1&radiusKm=abc&category=99");
        assertEquals(400, bad.status());
        String errors = page.locator("#search-errors").innerText();
        assertTrue(errors.contains("页码不能为负数"), errors);
        assertTrue(errors.contains("仪器类别无效"), errors);
        assertFalse(page.content().contains("Exception"), "no stack trace");
        shot("results-invalid");

        Response missing = page.navigate("/instruments/DYNOSUCHCODE");
        assertEquals(404, missing.status());
        assertEquals("text/html", missing.headerValue("content-type").split(";")[0]);
        assertTrue(page.locator("h1").innerText().contains("找不到这台仪器"));
        assertTrue(page.locator("main").innerText().contains("DYNOSUCHCODE"));
        shot("not-found");
    }

    @Test
    void whileSearchIsDownHomeAndResultsSayIt_AndDetailPagesStillWork() {
        String code = anyCode();
        Map<String, Object> down = new HashMap<>(props);
        down.put("elasticsearch.url", "http://127.0.0.1:1");
        down.put("dayi.catalogue.bootstrap", false);
        try (EmbeddedServer downServer = ApplicationContext.run(EmbeddedServer.class, down, "test")) {
            String downBase = "http://localhost:" + downServer.getPort();
            Response home = page.navigate(downBase + "/");
            assertEquals(503, home.status());
            assertTrue(page.locator("#search-unavailable").innerText().contains("搜索暂时不可用"));
            assertEquals(15, page.locator(".tile").count(), "categories still listed");
            shot("home-search-down");

            Response results = page.navigate(downBase + "/instruments?q=x");
            assertEquals(503, results.status());
            assertTrue(page.locator("#search-unavailable").isVisible());

            Response detail = page.navigate(downBase + "/instruments/" + code);
            assertEquals(200, detail.status(), "detail pages read the database");
            assertNotEquals("", page.locator("h1").innerText().strip());
        }
    }

    private String anyCode() {
        page.navigate("/instruments");
        String href = page.locator(".result .result-title a").first().getAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private void assertEveryInputLabelled() {
        Object unlabelled = page.evaluate("() => [...document.querySelectorAll('input:not([type=hidden]), select')]"
                + ".filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))"
                + ".map(e => e.name || e.id)");
        assertEquals(List.of(), unlabelled, "every input has a label");
    }

    private static void assertAll(Locator cells, String expected) {
        int n = cells.count();
        assertTrue(n > 0, "results are listed");
        for (int i = 0; i < n; i++) {
            assertEquals(expected, cells.nth(i).innerText().strip(), "result " + (i + 1) + " carries the filter value");
        }
    }

    /** The digits of a text a user reads, e.g. "共找到 1,234 台仪器" → 1234. */
    private static long number(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        assertFalse(digits.isEmpty(), "a number in '" + text + "'");
        return Long.parseLong(digits);
    }

    private void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
