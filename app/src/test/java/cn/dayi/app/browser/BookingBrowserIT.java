package cn.dayi.app.browser;

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
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Booking machine time in headless Chromium: a verified enterprise's buyer picks a free slot in the
 * week calendar of an instrument page, sees the price quote and the cancellation terms, books; the
 * operator accepts the order in its inbox; the slot is then no longer offered in another
 * enterprise's buyer's calendar (it was before), and the first buyer's order shows it accepted with
 * its timeline. A signed-out visitor who picks a slot is sent to sign in; a buyer of an enterprise that is
 * not verified yet is told why it cannot book.
 *
 * <p>The instrument is the operator's own (自营) TEM, open every day 08:00–20:00 Asia/Shanghai in
 * one-hour slots, 24 hours' notice; the booked slot is 10:00 three days from now.
 */
class BookingBrowserIT {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final String PASSWORD = "browser-password-1";
    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");

    private static EmbeddedServer server;
    private static String base;
    private static Playwright playwright;
    private static Browser browser;
    private static String temCode;

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
                + "BK-TEM,场发射透射电子显微镜,JEM-2100F,JEOL,日本,4000000,2016-09-20,地方财政资金,预约测试大学,高校,南山区,"
                + "22.60,113.99,01,加速电压 200 kV,外部共享\n";
        ImportReport report = ctx.getBean(CatalogueImporter.class).importFile("dayi-csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new ImportOptions("booking-browser", null, 0),
                ImportProgress.NONE);
        assertEquals(1, report.inserted(), report.toString());
        Organisations organisations = ctx.getBean(Organisations.class);
        Accounts accounts = ctx.getBean(Accounts.class);
        Jdbc jdbc = ctx.getBean(Jdbc.class);
        long operatorId = organisations.create("福田仪器共享服务中心", "Futian instrument sharing centre",
                OrganisationKind.OPERATOR, "440304").id();
        // the operator's own instrument (自营): it holds it without an entrustment
        long temId = jdbc.read(c -> Jdbc.one(c, "SELECT id FROM instrument WHERE source_id = 'BK-TEM'", rs -> rs.getLong(1)))
                .orElseThrow();
        jdbc.write(c -> Jdbc.update(c, "UPDATE instrument SET owner_id = ? WHERE id = ?", operatorId, temId));
        temCode = jdbc.read(c -> Jdbc.one(c, "SELECT code FROM instrument WHERE id = ?", rs -> rs.getString(1), temId))
                .orElseThrow();
        accounts.create("ops@booking.test", "李主任", PASSWORD, operatorId, Role.OPERATOR_MANAGER, null);
        // two verified enterprises (created by the platform), one buyer each
        long firstEnterprise = organisations.create("深圳新材料有限公司", null, OrganisationKind.ENTERPRISE, "440305").id();
        long otherEnterprise = organisations.create("深圳光电科技有限公司", null, OrganisationKind.ENTERPRISE, "440305").id();
        accounts.create("buyer@booking.test", "张工", PASSWORD, firstEnterprise, Role.BUYER_MEMBER, null);
        accounts.create("other@booking.test", "赵工", PASSWORD, otherEnterprise, Role.BUYER_MEMBER, null);
        // an enterprise that registered itself and is not verified yet
        ctx.getBean(cn.dayi.marketplace.account.Registrations.class).register(new cn.dayi.marketplace.account.Registrations
                .Registration("深圳待审企业有限公司", BrowserSteps.creditCode("91440300MA5BXK201"), "440305", "pending@booking.test", "钱工",
                PASSWORD));

        // price and open the instrument through the API, as the operator would
        String token = ctx.getBean(Tokens.class).issue(ctx.getBean(SignIn.class).signIn("ops@booking.test", PASSWORD, "test"));
        api(token, "PUT", "/api/v1/instruments/" + temId + "/cost",
                "{\"inputs\":{\"originalValueFen\":400000000,\"residualRateBp\":500,\"usefulLifeYears\":10}}");
        api(token, "POST", "/api/v1/instruments/" + temId + "/tariffs",
                "{\"code\":\"TEM-HOUR\",\"chargeUnit\":\"HOUR\",\"academicMarkupBp\":2000,\"commercialMarkupBp\":5000}");
        StringBuilder weekly = new StringBuilder();
        for (String d : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            weekly.append(weekly.isEmpty() ? "" : ",").append("{\"weekday\":\"").append(d)
                    .append("\",\"opens\":\"08:00\",\"closes\":\"20:00\"}");
        }
        api(token, "PUT", "/api/v1/instruments/" + temId + "/booking-rules", "{\"slotMinutes\":60,\"minNoticeHours\":24,"
                + "\"maxAdvanceDays\":30,\"weekly\":[" + weekly + "]}");
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

    @Test
    void aBuyerBooksAFreeSlotTheOperatorAcceptsAndNobodyElseIsOfferedIt() {
        LocalDate day = LocalDate.now(SH).plusDays(3);
        Instant slot = day.atTime(LocalTime.of(10, 0)).atZone(SH).toInstant();
        Instant later = day.atTime(LocalTime.of(14, 0)).atZone(SH).toInstant();
        String calendar = "/instruments/" + temCode + "?week=" + day;
        String slotLink = "#calendar a.slot-link[data-start='" + slot + "']";
        String laterLink = "#calendar a.slot-link[data-start='" + later + "']";

        try (BrowserContext visitor = context()) {
            Page page = visitor.newPage();
            page.navigate(calendar);
            assertEquals(1, page.locator(slotLink).count(), "anyone sees the free slot");
            page.locator(slotLink).click();
            page.waitForURL("**/sign-in**");
            assertTrue(page.url().contains("next="), "a signed-out visitor is sent to sign in, and back afterwards");
        }
        try (BrowserContext other = context()) {
            Page page = signIn(other, "other@booking.test");
            page.navigate(calendar);
            assertEquals(1, page.locator(slotLink).count(), "the other buyer is offered 10:00 before anyone books it");
        }
        try (BrowserContext pending = context()) {
            Page page = signIn(pending, "pending@booking.test");
            page.navigate(calendar);
            page.locator(slotLink).click();
            page.waitForURL("**/book?**");
            assertTrue(page.locator("#book-error").innerText().contains("not verified"), page.locator("#book-error").innerText());
            assertEquals(0, page.locator("#confirm-booking").count(), "an unverified organisation cannot commit");
        }

        long orderId;
        try (BrowserContext buyer = context()) {
            Page page = signIn(buyer, "buyer@booking.test");
            page.navigate(calendar);
            page.locator(slotLink).click();
            page.waitForURL("**/book?**");
            assertTrue(page.locator("#book-when").innerText().contains("10:00–11:00"), page.locator("#book-when").innerText());
            // the quote and the cancellation terms are on the page before anything is booked
            String total = page.locator("#quote-total").innerText();
            assertTrue(total.contains("元"), total);
            assertTrue(page.locator("#cancel-terms").innerText().contains("之前取消免费"), page.locator("#cancel-terms").innerText());
            // two hours instead of one: the quote follows
            page.locator("#end").selectOption(day.atTime(LocalTime.of(12, 0)).atZone(SH).toInstant().toString());
            page.locator("#note").fill("观察样品截面形貌");
            page.locator("#update-quote").click();
            page.waitForURL("**/book?**");
            assertTrue(page.locator("#book-when").innerText().contains("10:00–12:00"));
            assertTrue(!page.locator("#quote-total").innerText().equals(total), "two hours cost more than one");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("booking-quote.png")).setFullPage(true));
            page.locator("#confirm-booking").click();
            page.waitForURL("**/orders/**");
            assertEquals("待受理", page.locator("#order-state").innerText());
            assertTrue(page.locator("#order-history").innerText().contains("提交预约"));
            assertTrue(page.locator("#order-history").innerText().contains("张工"), "who booked is in the timeline");
            assertTrue(page.locator("#hold-expires").isVisible(), "the hold expiry is shown");
            orderId = Long.parseLong(page.url().replaceAll(".*/orders/(\\d+).*", "$1"));
            page.navigate("/orders");
            assertTrue(page.locator("#orders").innerText().contains(temCode));
        }

        try (BrowserContext operator = context()) {
            Page page = signIn(operator, "ops@booking.test");
            page.navigate("/operator");
            page.getByText("订单待办").first().click();
            page.waitForURL("**/orders");
            assertTrue(page.locator("#inbox tr[data-order='" + orderId + "']").innerText().contains("观察样品截面形貌"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("operator-inbox.png")).setFullPage(true));
            page.locator("#accept-" + orderId).click();
            page.waitForURL("**done=ACCEPT**");
            assertEquals(0, page.locator("#inbox tr[data-order='" + orderId + "']").count(), "answered: out of the inbox");
            assertTrue(page.locator("#unpaid").innerText().contains(Long.toString(orderId)), "now awaiting payment");
            page.navigate("/operator");
            page.locator(".schedule-link[data-instrument='" + temCode + "']").click();
            page.waitForURL("**/schedule");
            page.navigate(page.url() + "?week=" + day);
            assertTrue(page.locator("#schedule [data-order='" + orderId + "']").innerText().contains("待付款"));
        }

        try (BrowserContext other = context()) {
            Page page = signIn(other, "other@booking.test");
            page.navigate(calendar);
            assertEquals(0, page.locator(slotLink).count(), "10:00 is no longer offered to anyone else");
            assertEquals(0, page.locator("#calendar a.slot-link[data-start='"
                    + day.atTime(LocalTime.of(11, 0)).atZone(SH).toInstant() + "']").count(), "nor 11:00");
            assertEquals(1, page.locator(laterLink).count(), "14:00 still is");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("calendar-after-booking.png")).setFullPage(true));
        }
        try (BrowserContext buyer = context()) {
            Page page = signIn(buyer, "buyer@booking.test");
            page.navigate("/orders/" + orderId);
            assertEquals("待付款", page.locator("#order-state").innerText());
            assertTrue(page.locator("#order-history").innerText().contains("服务机构受理"));
            assertTrue(page.locator("#order-history").innerText().contains("李主任"));
        }
    }
}
