package cn.dayi.app.browser;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import cn.dayi.ops.payout.Payouts;
import cn.dayi.ops.settlement.SettlementPeriod;
import cn.dayi.ops.settlement.SettlementSource;
import cn.dayi.ops.settlement.Settlements;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.stripe.Stripe;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The money path of issue 5 in headless Chromium, end to end: a university's fiscal-funded NMR is entrusted to an
 * operator (owner 50 %, fiscal fund 20 %, operator 25 %, platform 5 %); a verified enterprise holding an innovation
 * voucher (30 % co-pay) books two hours; on the order page the buyer sees the voucher offered by itself, applies it,
 * and pays the cash rest by card on Stripe's form — a declined card first (Stripe's reason on the page), then a
 * good one; the order is confirmed when Stripe's signed webhook arrives. The operator completes the booking; the
 * ledger holds the exact split; the month is settled as the monthly job does; the owner's admin sees the statement
 * with its share in the browser, approves it and gives its bank details; the daily payout preparation puts the
 * owner's share into the month's bank payout file, which the platform's finance downloads and marks paid, and the
 * owner's payable is then zero; settling and preparing again change nothing.
 *
 * <p>WireMock stands in for Stripe (we cannot reach it): its API for stripe-java, and Stripe.js — a small stand-in
 * script with Stripe.js's calls ({@code Stripe()}, {@code elements().create('payment').mount()}, {@code
 * confirmPayment()}) that posts the card to the stand-in API and returns to {@code return_url} as Stripe does.
 * Expected money is computed here from the rate and the ratios, not read from the code under test.
 */
class MoneyBrowserIT {

    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final String PASSWORD = "browser-password-1";
    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    private static final String WEBHOOK_SECRET = "whsec_dayi_browser_0123456789";
    private static final long RATE_FEN = 30_000; // 300 元 an hour
    private static final long TOTAL_FEN = 2 * RATE_FEN;
    private static final long VOUCHER_FEN = TOTAL_FEN * 3_000 / 10_000; // 30 % co-pay cover
    private static final long CASH_FEN = TOTAL_FEN - VOUCHER_FEN;

    private static EmbeddedServer server;
    private static WireMockServer stripe;
    private static String base;
    private static Playwright playwright;
    private static Browser browser;
    private static ApplicationContext ctx;
    private static long ownerId;
    private static long operatorId;
    private static long orderId;
    private static String managerToken;
    private static String technicianToken;
    private static String ownerToken;
    private static String adminToken;

    @BeforeAll
    static void start() throws Exception {
        stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").stubCorsEnabled(true));
        stripe.start();
        String stripeBase = "http://localhost:" + stripe.port(); // the browser tests reach localhost only
        Map<String, Object> props = new HashMap<>(TestServices.isolatedMicronautProperties());
        props.put("micronaut.server.port", -1);
        props.put("dayi.catalogue.seed-on-empty", false);
        props.put("stripe.secret-key", "sk_test_dayi");
        props.put("stripe.webhook-secret", WEBHOOK_SECRET);
        props.put("stripe.publishable-key", "pk_test_dayi");
        props.put("stripe.api-base", stripeBase);
        props.put("stripe.js-url", stripeBase + "/v3/");
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        base = "http://localhost:" + server.getPort();
        ctx = server.getApplicationContext();
        String csv = "source_id,name,model,manufacturer,country,original_value_cny,purchase_date,funding_source,owner_name,"
                + "owner_kind,district,lat,lon,category,technical_parameters,sharing_mode\n"
                + "MN-NMR,核磁共振波谱仪,AVANCE NEO 600,Bruker,德国,6000000,2019-05-20,地方财政资金,南山理工大学,高校,南山区,"
                + "22.59,113.97,01,600 MHz,外部共享\n";
        ImportReport report = ctx.getBean(CatalogueImporter.class).importFile("dayi-csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new ImportOptions("money-browser", null, 0),
                ImportProgress.NONE);
        assertEquals(1, report.inserted(), report.toString());
        Jdbc jdbc = ctx.getBean(Jdbc.class);
        Organisations organisations = ctx.getBean(Organisations.class);
        Accounts accounts = ctx.getBean(Accounts.class);
        String nmr = jdbc.read(c -> Jdbc.one(c, "SELECT code FROM instrument WHERE source_id = 'MN-NMR'", rs -> rs.getString(1)))
                .orElseThrow();
        ownerId = jdbc.read(c -> Jdbc.one(c, "SELECT owner_id FROM instrument WHERE source_id = 'MN-NMR'",
                rs -> rs.getLong(1))).orElseThrow();
        operatorId = organisations.create("南山仪器共享服务中心", null, OrganisationKind.OPERATOR, "440305").id();
        long authority = organisations.create("深圳市科技创新局", null, OrganisationKind.AUTHORITY, null).id();
        long enterprise = organisations.create("深圳微纳检测有限公司", null, OrganisationKind.ENTERPRISE, "440305").id();
        accounts.create("manager@money.test", "周主任", PASSWORD, operatorId, Role.OPERATOR_MANAGER, null);
        accounts.create("tech@money.test", "吴工", PASSWORD, operatorId, Role.OPERATOR_TECHNICIAN, null);
        accounts.create("owner@money.test", "郑老师", PASSWORD, ownerId, Role.OWNER_ADMIN, null);
        accounts.create("fiscal@money.test", "王科长", PASSWORD, authority, Role.FISCAL_OFFICER, null);
        accounts.create("admin@money.test", "平台管理员", PASSWORD, authority, Role.PLATFORM_ADMIN, null);
        accounts.create("buyer@money.test", "陈工", PASSWORD, enterprise, Role.BUYER_MEMBER, null);
        managerToken = token("manager@money.test");
        technicianToken = token("tech@money.test");
        ownerToken = token("owner@money.test");
        adminToken = token("admin@money.test");
        String fiscal = token("fiscal@money.test");
        String buyer = token("buyer@money.test");

        // the entrustment: owner 50 %, fiscal fund 20 %, operator 25 %, platform 5 %
        LocalDate today = LocalDate.now(SH);
        long entrustment = num(api(managerToken, "POST", "/api/v1/operators/" + operatorId + "/entrustments", "{\"ownerId\":"
                + ownerId + ",\"instruments\":[\"" + nmr + "\"],\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today.plusYears(2)
                + "\",\"shares\":{\"ownerBp\":5000,\"fiscalFundBp\":2000,\"operatorBp\":2500,\"platformBp\":500},"
                + "\"fiscalFunded\":true}"), "id");
        api(managerToken, "POST", "/api/v1/entrustments/" + entrustment + "/propose", "{}");
        api(ownerToken, "POST", "/api/v1/entrustments/" + entrustment + "/accept", "{}");
        api(managerToken, "POST", "/api/v1/instruments/" + nmr + "/tariffs", "{\"code\":\"NMR-HOUR\",\"chargeUnit\":\"HOUR\","
                + "\"costBasisFen\":" + RATE_FEN + ",\"academicMarkupBp\":0,\"commercialMarkupBp\":0,"
                + "\"afterHoursSurchargeBp\":0,\"urgentSurchargeBp\":0}");
        StringBuilder weekly = new StringBuilder();
        for (String d : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"}) {
            weekly.append(weekly.isEmpty() ? "" : ",").append("{\"weekday\":\"").append(d)
                    .append("\",\"opens\":\"08:00\",\"closes\":\"20:00\"}");
        }
        api(managerToken, "PUT", "/api/v1/instruments/" + nmr + "/booking-rules", "{\"slotMinutes\":60,\"minNoticeHours\":24,"
                + "\"maxAdvanceDays\":30,\"weekly\":[" + weekly + "]}");
        // the voucher programme (30 % co-pay, no full cover) and the enterprise's grant
        long programme = num(api(fiscal, "POST", "/api/v1/voucher-programmes", "{\"name\":\"深圳科技创新券\",\"type\":\"STANDARD\","
                + "\"budgetFen\":10000000,\"validFrom\":\"" + today.minusDays(30) + "\",\"validUntil\":\"" + today.plusDays(300)
                + "\",\"regions\":[\"440300\"],\"acceptingRegions\":[],\"categories\":[\"01\"],\"coverBp\":3000,"
                + "\"perOrderCapFen\":2000000,\"yearlyCapFen\":10000000}"), "id");
        api(fiscal, "POST", "/api/v1/voucher-programmes/" + programme + "/grants", "{\"enterpriseId\":" + enterprise
                + ",\"amountFen\":5000000}");
        // the buyer books two hours three days from now; the operator accepts
        Instant startAt = today.plusDays(3).atTime(LocalTime.of(10, 0)).atZone(SH).toInstant();
        orderId = num(api(buyer, "POST", "/api/v1/instruments/" + nmr + "/bookings", "{\"start\":\"" + startAt + "\",\"end\":\""
                + startAt.plusSeconds(7200) + "\",\"mode\":\"STAFF_OPERATED\"}"), "id");
        api(managerToken, "POST", "/api/v1/orders/" + orderId + "/accept", "{}");

        // Stripe's side: the PaymentIntent for the cash rest, Stripe.js, and confirming with a card
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key",
                equalTo("order-" + orderId + "-attempt-1")).willReturn(okJson(intent("requires_payment_method"))));
        stripe.stubFor(get(urlPathEqualTo("/v3/")).willReturn(aResponse().withHeader("Content-Type", "application/javascript")
                .withBody(STRIPE_JS)));
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents/" + pi() + "/confirm")).willReturn(okJson(intent("processing"))));
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents/" + pi() + "/confirm"))
                .withRequestBody(containing("card=4000000000000002")).willReturn(aResponse().withStatus(402)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"card_error\","
                                + "\"code\":\"card_declined\",\"message\":\"您的银行卡被拒绝。(Your card was declined.)\"}}")));

        Files.createDirectories(SHOTS);
        playwright = Playwright.create();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stop() throws Exception {
        BrowserSteps.close(browser, playwright, server, stripe == null ? null : stripe::stop);
    }

    @Test
    void aBuyerPaysPartVoucherPartCardTheSplitIsPostedAndTheOwnerApprovesTheMonthsStatement() throws Exception {
        try (BrowserContext context = Chromium.offline(browser, base, "zh-CN")) {
            Page page = BrowserSteps.signIn(context, "buyer@money.test", PASSWORD);
            page.navigate("/orders/" + orderId);
            assertEquals("待付款", page.locator("#order-state").innerText());
            assertEquals(yuan(TOTAL_FEN), page.locator("#pay-total").innerText());
            String offer = page.locator("#pay-voucher-offer").innerText();
            assertTrue(offer.contains("深圳科技创新券") && offer.contains(yuan(VOUCHER_FEN)) && offer.contains(yuan(CASH_FEN)),
                    "the best voucher is offered by itself with what it pays and what is left: " + offer);
            page.locator("#apply-voucher").click();
            page.waitForURL("**done=VOUCHER_APPLIED**");
            assertTrue(page.locator("#pay-voucher").innerText().contains(yuan(VOUCHER_FEN)), page.locator("#pay-voucher").innerText());
            assertEquals(yuan(CASH_FEN), page.locator("#pay-cash-due").innerText());
            assertEquals("待付款", page.locator("#order-state").innerText(), "the cash rest is still due");
            assertTrue(page.locator("#pay-bank").innerText().contains(Long.toString(orderId)), "bank transfer quotes the order");

            page.locator("#pay-by-card").click();
            page.waitForSelector("#stub-card-number");
            assertTrue(page.locator("#card-submit").innerText().contains(yuan(CASH_FEN)), "the card pays the cash rest only");
            page.locator("#stub-card-number").fill("4000000000000002");
            page.locator("#card-submit").click();
            page.waitForSelector("#card-error:not([hidden])");
            assertTrue(page.locator("#card-error").innerText().contains("declined"), "Stripe's reason for the decline is shown");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("card-declined.png")).setFullPage(true));

            page.locator("#stub-card-number").fill("4242424242424242");
            page.locator("#card-submit").click();
            page.waitForURL("**done=CARD_SUBMITTED**");
            assertTrue(page.locator("#pay-card-pending").isVisible(), "waiting for Stripe's confirmation is said");
            assertEquals("待付款", page.locator("#order-state").innerText(), "returning from Stripe does not confirm by itself");
            stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                    .withRequestBody(containing("amount=" + CASH_FEN)).withRequestBody(containing("currency=cny")));
            stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents/" + pi() + "/confirm"))
                    .withRequestBody(containing("client_secret=" + pi() + "_secret_abc"))
                    .withRequestBody(containing("card=4242424242424242")));

            String event = "{\"id\":\"evt_money_" + orderId + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION
                    + "\",\"created\":" + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,"
                    + "\"type\":\"payment_intent.succeeded\",\"data\":{\"object\":" + intent("succeeded") + "}}";
            HttpResponse<String> hook = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                            + "/api/v1/payments/stripe/webhook")).header("Content-Type", "application/json")
                    .header("Stripe-Signature", sign(event)).POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hook.statusCode(), hook.body());
            page.waitForCondition(() -> "已确认".equals(page.locator("#order-state").innerText()),
                    new Page.WaitForConditionOptions().setTimeout(15_000)); // the page reloads itself while waiting
            assertTrue(page.locator("#pay-card-paid").innerText().contains(yuan(CASH_FEN)));
            assertFalse(page.locator("#pay-by-card").isVisible(), "nothing is left to pay");
            String timeline = page.locator("#order-history").innerText();
            assertTrue(timeline.contains("创新券抵扣") && timeline.contains("银行卡付款到账") && !timeline.contains("??"),
                    "the timeline names the voucher and the card payment: " + timeline);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("order-paid.png")).setFullPage(true));
        }

        // the operator completes the booking: the ledger splits the whole total by the entrustment's ratios
        long ownerBefore = balance(ownerToken, Long.toString(ownerId), "OWNER_PAYABLE");
        api(technicianToken, "POST", "/api/v1/orders/" + orderId + "/check-in", "{}");
        assertEquals("COMPLETED", api(technicianToken, "POST", "/api/v1/orders/" + orderId + "/check-out", "{}")
                .get("state"));
        long ownerShare = TOTAL_FEN * 5_000 / 10_000;
        assertEquals(ownerShare, balance(ownerToken, Long.toString(ownerId), "OWNER_PAYABLE") - ownerBefore);
        assertEquals(TOTAL_FEN * 2_500 / 10_000, balance(managerToken, Long.toString(operatorId), "OPERATOR_PAYABLE"));
        assertEquals(TOTAL_FEN * 2_000 / 10_000, balance(adminToken, "fiscal-fund", "FISCAL_FUND_PAYABLE"));
        assertEquals(TOTAL_FEN * 500 / 10_000, balance(adminToken, "platform", "PLATFORM_REVENUE"));
        assertEquals(VOUCHER_FEN, balance(adminToken, "platform", "VOUCHER_RECEIVABLE"), "the voucher part is owed by the fund");
        assertEquals(CASH_FEN, balance(adminToken, "platform", "CARD_CLEARING"), "the card part came through Stripe");

        // the month is settled as the monthly job does on the 1st of the next month
        SettlementPeriod month = SettlementPeriod.monthBefore(LocalDate.now(SH).withDayOfMonth(1).plusMonths(1)
                .atStartOfDay(SH).toInstant());
        Settlements settlements = new Settlements(ctx.getBean(Jdbc.class), ctx.getBean(SettlementSource.class),
                Clock.fixed(month.end().plusSeconds(3600), ZoneOffset.UTC));
        assertEquals("COMPLETED", settlements.settle(month).state());

        try (BrowserContext context = Chromium.offline(browser, base, "zh-CN")) {
            Page page = BrowserSteps.signIn(context, "owner@money.test", PASSWORD);
            page.navigate("/owner");
            page.locator("a[href^='/statements']").first().click();
            page.waitForURL("**/statements**");
            String statement = page.locator("[id^='statement-']").first().innerText();
            assertTrue(statement.contains(String.format(java.util.Locale.ROOT, "¥%,.2f", ownerShare / 100.0)),
                    "the owner's share in 元: " + statement);
            page.locator("[id^='approve-']").first().click();
            page.waitForSelector("#statement-done");
            assertEquals(0, page.locator("[id^='approve-']").count(), "an approved statement has no buttons left");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("statement-approved.png")).setFullPage(true));
            // where the money should go: the owner gives its bank details (no Stripe connected account)
            assertTrue(page.locator("#payout-account-none").isVisible(), "the page says no payout account is set");
            page.locator("#payout-account-edit").click();
            page.locator("#payeeName").fill("南山理工大学");
            page.locator("#bankName").fill("中国银行深圳南山支行");
            page.locator("#accountNumber").fill("6217850000001234567");
            page.locator("#payout-account-save").click();
            page.waitForURL("**done=ACCOUNT_SAVED**"); // back on the statements, which say when it will be paid
            assertTrue(page.locator("#payout-account-bank").innerText().contains("6217850000001234567"));
        }
        long statementId = num(statements().get(0), "id");

        // the daily payout preparation: the approved statement becomes one row of the month's bank payout file
        Payouts payouts = ctx.getBean(Payouts.class);
        payouts.prepare(month);
        try (BrowserContext context = Chromium.offline(browser, base, "zh-CN")) {
            Page page = BrowserSteps.signIn(context, "admin@money.test", PASSWORD);
            page.navigate("/admin/payouts?period=" + month);
            String row = page.locator("#payouts tbody tr").first().innerText();
            assertTrue(row.contains("南山理工大学") && row.contains("待银行付款"), row);
            Download download = page.waitForDownload(() -> page.locator("#bank-file-download").click());
            String file = Files.readString(download.path(), StandardCharsets.UTF_8);
            List<String> lines = file.lines().toList();
            assertEquals(2, lines.size(), "a header and the owner's one payout: " + file);
            assertTrue(lines.get(1).contains("6217850000001234567") && lines.get(1).contains(String.format(java.util.Locale.ROOT,
                    "%.2f", ownerShare / 100.0)) && lines.get(1).contains(Long.toString(ownerShare)), lines.get(1));
            // after the bank run, finance marks it paid: the owner's payable for the month is paid out
            page.locator("[id^='paid-']").first().click();
            page.waitForSelector("#payout-done");
            assertTrue(page.locator("#payouts tbody tr").first().innerText().contains("已付款"));
        }
        assertEquals(ownerBefore, balance(ownerToken, Long.toString(ownerId), "OWNER_PAYABLE"), "paid out to the fen");
        try (BrowserContext context = Chromium.offline(browser, base, "zh-CN")) {
            Page page = BrowserSteps.signIn(context, "owner@money.test", PASSWORD);
            page.navigate("/statements?org=" + ownerId);
            assertTrue(page.locator("#payout-of-" + statementId).innerText().contains("已付款"), "the owner sees it paid");
        }
        List<Map<String, Object>> statements = statements();
        assertEquals(1, statements.size());
        assertEquals("APPROVED", statements.get(0).get("standing"));
        assertEquals(ownerShare, num(statements.get(0), "shareFen"));

        // settling the month again and preparing payouts again change nothing
        settlements.settle(month);
        payouts.prepare(month);
        assertEquals(statements.get(0).get("shareFen"), statements().get(0).get("shareFen"));
        assertEquals(1, statements().size());
        assertEquals(1L, (long) ctx.getBean(Jdbc.class).read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM payout")));
        assertEquals(ownerBefore, balance(ownerToken, Long.toString(ownerId), "OWNER_PAYABLE"), "nothing paid twice");
    }

    // ---- Stripe's side ----

    private static String pi() {
        return "pi_money_" + orderId;
    }

    private static String intent(String status) {
        return "{\"id\":\"" + pi() + "\",\"object\":\"payment_intent\",\"amount\":" + CASH_FEN + ",\"currency\":\"cny\","
                + "\"status\":\"" + status + "\",\"client_secret\":\"" + pi() + "_secret_abc\",\"livemode\":false,"
                + "\"payment_method_types\":[\"card\"],\"metadata\":{\"order_id\":\"" + orderId + "\"},\"last_payment_error\":null}";
    }

    private static String sign(String body) throws Exception {
        long t = Instant.now().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * A stand-in for Stripe.js with the calls the card page makes: the Payment Element is one card-number field;
     * {@code confirmPayment} posts it with the client secret to the stand-in API (where this script came from) and,
     * as Stripe does, answers {@code {error}} on a decline or sends the browser to {@code return_url}.
     */
    private static final String STRIPE_JS = """
            (function () {
              var api = new URL('/', document.currentScript.src).href;
              window.Stripe = function (key) {
                return {
                  elements: function (options) {
                    return {
                      secret: options.clientSecret,
                      create: function () {
                        return { mount: function (selector) {
                          document.querySelector(selector).innerHTML =
                            '<label>卡号 <input id="stub-card-number" autocomplete="off"></label>';
                        } };
                      }
                    };
                  },
                  confirmPayment: function (args) {
                    var secret = args.elements.secret;
                    var id = secret.split('_secret_')[0];
                    var card = document.getElementById('stub-card-number').value;
                    return fetch(api + 'v1/payment_intents/' + id + '/confirm', {
                      method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},
                      body: 'client_secret=' + encodeURIComponent(secret) + '&card=' + encodeURIComponent(card) + '&key=' + key
                    }).then(function (r) { return r.json(); }).then(function (answer) {
                      if (answer.error) { return {error: answer.error}; }
                      var back = new URL(args.confirmParams.return_url);
                      back.searchParams.set('payment_intent', answer.id);
                      back.searchParams.set('redirect_status', 'succeeded');
                      window.location.href = back.href;
                      return new Promise(function () {});
                    });
                  }
                };
              };
            })();
            """;

    // ---- the platform's API ----

    private static String token(String email) {
        return ctx.getBean(Tokens.class).issue(ctx.getBean(SignIn.class).signIn(email, PASSWORD, "test"));
    }

    /** The API's JSON answer (2xx or the test fails) as maps and lists. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> api(String token, String method, String path, String json) throws Exception {
        return ctx.getBean(JsonMapper.class).readValue(BrowserSteps.api(base, token, method, path, json), Map.class);
    }

    private static String read(String token, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        return r.body();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements() throws Exception {
        return (List<Map<String, Object>>) (List<?>) ctx.getBean(JsonMapper.class).readValue(read(ownerToken,
                "/api/v1/organisations/" + ownerId + "/statements"), io.micronaut.core.type.Argument.listOf(Map.class));
    }

    /** The balance (normal side) of {@code party}'s account of {@code type}; 0 when it has none. */
    @SuppressWarnings("unchecked")
    private static long balance(String token, String party, String type) throws Exception {
        Map<String, Object> body = ctx.getBean(JsonMapper.class).readValue(read(token, "/api/v1/ledger/parties/" + party
                + "/accounts"), Map.class);
        return ((List<Map<String, Object>>) body.get("accounts")).stream().filter(a -> type.equals(a.get("type")))
                .mapToLong(a -> ((Number) a.get("balanceFen")).longValue()).sum();
    }

    private static long num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    /** An amount as the pages write it (PriceText: {@code 1,234.00 元}). */
    private static String yuan(long fen) {
        return String.format(java.util.Locale.ROOT, "%,.2f 元", fen / 100.0); // written out, not Yuan.format
    }
}
