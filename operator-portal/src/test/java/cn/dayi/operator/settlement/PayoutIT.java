package cn.dayi.operator.settlement;

import static cn.dayi.operator.PaidBookings.num;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.PaidBookings;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import cn.dayi.ops.payout.Payouts;
import cn.dayi.ops.settlement.SettlementPeriod;
import cn.dayi.ops.settlement.SettlementSource;
import cn.dayi.ops.settlement.Settlements;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Payouts of a real settled month, with WireMock standing in for the Stripe API: owner A's TEM, entrusted to operator X
 * (50/20/25/5), earned from two paid and completed bookings; the month is settled as the monthly job does. Open and
 * disputed statements are not paid; once approved, operator X (a Stripe connected account) is paid by a Stripe transfer
 * — refused first (FAILED with Stripe's reason), retried by an admin with the next key, unanswered (UNKNOWN), then
 * answered on the next run under the same key — and owner A, who has no account at first, waits, then sets bank
 * details and lands in the bank payout file, which finance downloads and marks paid. Each payout posts one journal and
 * leaves the party's payable at 0; re-running changes nothing.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayoutIT implements RealServices {

    private static final ZoneId SH = PaidBookings.SH;
    private static final long RATE_FEN = 66_161;
    private static final String ACCT_X = "acct_1DayiOperatorX";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;
    @Inject
    SettlementSource source;
    @Inject
    Payouts payouts;
    @Inject
    io.micronaut.json.JsonMapper json;

    WireMockServer stripe;
    World w;
    PaidBookings money;
    SettlementPeriod month;
    long ownerShare;
    long operatorShare;
    long ownerStatement;
    long operatorStatement;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(RealServices.super.getProperties());
        if (stripe == null) {
            stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            stripe.start();
        }
        p.put("stripe.secret-key", "sk_test_dayi_payouts");
        p.put("stripe.api-base", stripe.baseUrl());
        return p;
    }

    @AfterAll
    void stopStripe() {
        stripe.stop();
    }

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        money = new PaidBookings(http, w);
        String tem = w.instrumentsA.get(0);
        money.entrust(tem, 5000, 2000, 2500, 500);
        money.priceAndOpen(tem, "PAYOUT-HOUR", RATE_FEN);
        money.complete(money.paid(tem, 2, RATE_FEN));
        money.complete(money.paid(tem, 3, RATE_FEN));
        ownerShare = money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE");
        operatorShare = money.balance(w.financeX, w.operatorX, "OPERATOR_PAYABLE");
        assertTrue(ownerShare > 0 && operatorShare > 0, "the bookings earned both parties something");
        month = SettlementPeriod.monthBefore(LocalDate.now(SH).withDayOfMonth(1).plusMonths(1).atStartOfDay(SH).toInstant());
        Settlements settlements = new Settlements(jdbc, source, Clock.fixed(month.end().plusSeconds(3600), ZoneOffset.UTC));
        assertEquals("COMPLETED", settlements.settle(month).state());
        ownerStatement = statementOf(w.ownerAdminA, w.ownerA);
        operatorStatement = statementOf(w.financeX, w.operatorX);
    }

    // ---- Stripe's side ----

    private StubMapping stubTransfer(String key, String transferId, long amount) {
        return stripe.stubFor(post(urlEqualTo("/v1/transfers")).withHeader("Idempotency-Key", equalTo(key))
                .willReturn(okJson("{\"id\":\"" + transferId + "\",\"object\":\"transfer\",\"amount\":" + amount
                        + ",\"currency\":\"cny\",\"destination\":\"" + ACCT_X + "\",\"transfer_group\":\"" + month
                        + "\",\"livemode\":false,\"metadata\":{},\"reversed\":false}")));
    }

    private StubMapping stubRefusal(String key) {
        return stripe.stubFor(post(urlEqualTo("/v1/transfers")).withHeader("Idempotency-Key", equalTo(key))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"balance_insufficient\","
                                + "\"message\":\"You have insufficient available funds in your Stripe account.\"}}")));
    }

    private StubMapping stubNoAnswer(String key) {
        return stripe.stubFor(post(urlEqualTo("/v1/transfers")).withHeader("Idempotency-Key", equalTo(key))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    private int transferCalls(String key) {
        return stripe.findAll(postRequestedFor(urlEqualTo("/v1/transfers")).withHeader("Idempotency-Key", equalTo(key))).size();
    }

    private int transferCalls() {
        return stripe.findAll(postRequestedFor(urlEqualTo("/v1/transfers"))).size();
    }

    private String key(long statement, int attempt) {
        return "payout-" + statement + "-attempt-" + attempt;
    }

    // ---- the story ----

    @Test
    @Order(1)
    void openAndDisputedStatementsAreNotPaid() {
        Payouts.Result open = payouts.prepare();
        assertEquals(0, open.created(), "nothing is approved yet: " + open);
        dispute(w.ownerAdminA, ownerStatement, "机时与记录不符");
        Payouts.Result disputed = payouts.prepare(month);
        assertEquals(0, disputed.created(), "a disputed statement is not paid: " + disputed);
        assertTrue(money.getList(w.ownerAdminA, "/api/v1/organisations/" + w.ownerA + "/payouts").isEmpty());
        assertEquals(0, transferCalls(), "Stripe was not asked");
        assertFalse(money.page(w.ownerAdminA, "/statements?org=" + w.ownerA).contains("id=\"payout-of-" + ownerStatement + "\""),
                "no payout line on an unapproved statement");
    }

    @Test
    @Order(2)
    void payoutAccountsAreValidatedFieldByFieldAndOnlyThePartyAndAdminsSeeThem() {
        HttpClientResponseException bad = refused(w.ownerAdminA, HttpRequest.PUT("/api/v1/organisations/" + w.ownerA
                + "/payout-account", Map.of("stripeAccountId", "acc_123", "payeeName", "某大学", "accountNumber", "12ab")));
        assertEquals(400, bad.getStatus().getCode());
        Map<String, String> fields = fieldErrors(bad);
        assertEquals("STRIPE_ACCOUNT_INVALID", fields.get("stripeAccountId"), fields.toString());
        assertEquals("BANK_DETAILS_INCOMPLETE", fields.get("bankName"), fields.toString());
        assertEquals("ACCOUNT_NUMBER_INVALID", fields.get("accountNumber"), fields.toString());
        assertEquals("400 PAYOUT_ACCOUNT_EMPTY", money.error(w.ownerAdminA, HttpRequest.PUT("/api/v1/organisations/"
                + w.ownerA + "/payout-account", Map.of("payeeName", " "))));
        assertEquals("400 ACCOUNT_NUMBER_INVALID", money.error(w.ownerAdminA, HttpRequest.PUT("/api/v1/organisations/"
                + w.ownerA + "/payout-account", Map.of("payeeName", "某大学", "bankName", "工商银行", "accountNumber", "1234567"))),
                "seven digits are too few");
        assertFalse(bool(money.send(w.ownerAdminA, HttpRequest.GET("/api/v1/organisations/" + w.ownerA + "/payout-account")),
                "configured"), "nothing was saved by the refused attempts");
        for (String outsider : List.of(w.ownerAdminB, w.buyer, w.managerX)) {
            assertEquals("404 PAYOUT_ACCOUNT_NOT_FOUND", money.error(outsider, HttpRequest.GET("/api/v1/organisations/"
                    + w.ownerA + "/payout-account")));
            assertEquals("404 PAYOUT_ACCOUNT_NOT_FOUND", money.error(outsider, HttpRequest.PUT("/api/v1/organisations/"
                    + w.ownerA + "/payout-account", Map.of("stripeAccountId", "acct_1Stolen000"))));
        }
        assertEquals("404 PAYOUT_ACCOUNT_NOT_FOUND", money.error(w.technicianX, HttpRequest.GET("/api/v1/organisations/"
                + w.operatorX + "/payout-account")), "a technician does not handle the operator's money");
        // the page form: each field's error beside it, what was typed kept
        HttpClientResponseException pageError = assertRefusedForm(w.ownerAdminA, "/organisations/" + w.ownerA
                + "/payout-account", "payeeName=" + enc("某大学") + "&bankName=" + enc("中国工商银行深圳南山支行")
                + "&accountNumber=12-34");
        String html = pageError.getResponse().getBody(String.class).orElse("");
        assertTrue(html.contains("id=\"accountNumber-error\""), "the account number's error is beside it");
        assertTrue(html.contains("中国工商银行深圳南山支行"), "what was typed is kept");
        // operator X's finance sets its Stripe connected account
        Map<String, Object> x = money.send(w.financeX, HttpRequest.PUT("/api/v1/organisations/" + w.operatorX
                + "/payout-account", Map.of("stripeAccountId", ACCT_X)));
        assertEquals("STRIPE_TRANSFER", x.get("payoutsBy"));
    }

    @Test
    @Order(3)
    void approvedStatementsArePaidOnceAStripeRefusalFailsWithItsReasonAndAPartyWithoutAccountWaits() {
        approve(w.ownerAdminA, ownerStatement);
        approve(w.financeX, operatorStatement);
        stubRefusal(key(operatorStatement, 1));

        Payouts.Result r = payouts.prepare();
        assertEquals(2, r.created(), r.toString());
        assertEquals(1, r.failed(), r.toString());
        assertEquals(1, r.waiting(), r.toString());
        Map<String, Object> x = payoutOf(w.financeX, w.operatorX);
        assertEquals("FAILED", x.get("state"));
        assertEquals(operatorShare, num(x, "amountFen"), "the amount is the statement's share");
        assertTrue(String.valueOf(x.get("failureReason")).contains("insufficient available funds"), "Stripe's reason is kept");
        assertEquals("balance_insufficient", x.get("failureCode"));
        assertNull(x.get("journalId"), "no money left, nothing posted");
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/transfers"))
                .withHeader("Idempotency-Key", equalTo(key(operatorStatement, 1)))
                .withRequestBody(containing("amount=" + operatorShare)).withRequestBody(containing("currency=cny"))
                .withRequestBody(containing("destination=" + ACCT_X))
                .withRequestBody(containing("transfer_group=" + month)));
        assertEquals(operatorShare, money.balance(w.financeX, w.operatorX, "OPERATOR_PAYABLE"), "still owed");

        Map<String, Object> a = payoutOf(w.ownerAdminA, w.ownerA);
        assertEquals("WAITING_FOR_ACCOUNT", a.get("state"));
        assertEquals(ownerShare, num(a, "amountFen"));
        assertEquals(ownerShare, num(a, "ownerFen"), "owner A takes part as owner only");
        String page = money.page(w.ownerAdminA, "/statements?org=" + w.ownerA);
        assertTrue(page.contains("id=\"payout-of-" + ownerStatement + "\"") && page.contains("等待收款账户"),
                "the owner sees that its payout waits for an account");
        assertTrue(page.contains("id=\"payout-account-none\""), "and that none is set");

        Payouts.Result again = payouts.prepare();
        assertEquals(0, again.created(), "re-running creates nothing: " + again);
        assertEquals(1, transferCalls(), "a refused transfer is not asked again by itself");
    }

    @Test
    @Order(4)
    void onceTheOwnerSetsBankDetailsItsPayoutIsInTheBankFile() throws Exception {
        HttpResponse<String> saved = form(w.ownerAdminA, "/organisations/" + w.ownerA + "/payout-account",
                "payeeName=" + enc("某某大学") + "&bankName=" + enc("中国工商银行深圳南山支行")
                        + "&accountNumber=" + enc("4000 0231 0900 1234 567"));
        assertEquals(HttpStatus.SEE_OTHER, saved.getStatus());
        assertTrue(money.page(w.ownerAdminA, saved.header("Location")).contains("id=\"payout-account-bank\""));

        Payouts.Result r = payouts.prepare(month);
        assertEquals(1, r.inFile(), r.toString());
        Map<String, Object> a = payoutOf(w.ownerAdminA, w.ownerA);
        assertEquals("IN_FILE", a.get("state"));
        assertEquals("BANK_FILE", a.get("method"));

        List<CSVRecord> rows = bankFile();
        assertEquals(1, rows.size(), "one row: owner A (operator X goes by Stripe)");
        CSVRecord row = rows.get(0);
        assertEquals("某某大学", row.get("户名 Payee"));
        assertEquals("中国工商银行深圳南山支行", row.get("开户行 Bank"));
        assertEquals("4000023109001234567", row.get("账号 Account number"), "digits only");
        assertEquals(BigDecimal.valueOf(ownerShare, 2).toPlainString(), row.get("金额（元） Amount (CNY)"));
        assertEquals(Long.toString(ownerShare), row.get("金额（分） Amount (fen)"));
        assertEquals("DAYI-" + month + "-S" + ownerStatement, row.get("附言 Reference"));
        assertEquals(Long.toString(num(a, "id")), row.get("付款编号 Payout id"));
        assertEquals(ownerShare, money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE"), "nothing paid yet");
    }

    @Test
    @Order(5)
    void markingTheBankPayoutPaidPostsOneJournalAndEmptiesThePayable() {
        long id = num(payoutOf(w.ownerAdminA, w.ownerA), "id");
        for (String outsider : List.of(w.ownerAdminA, w.financeX, w.fiscal)) {
            assertEquals("403 FORBIDDEN", money.error(outsider, HttpRequest.POST("/api/v1/admin/payouts/" + id + "/paid",
                    Map.of())));
        }
        assertEquals("400 REASON_REQUIRED", money.error(w.admin, HttpRequest.POST("/api/v1/admin/payouts/" + id + "/failed",
                Map.of("reason", " "))));
        long bankBefore = platform("BANK_CLEARING");

        HttpResponse<String> paid = form(w.admin, "/admin/payouts/" + id + "/paid", "bankReference=" + enc("ICBC-20261201-01"));
        assertEquals(HttpStatus.SEE_OTHER, paid.getStatus());
        assertTrue(money.page(w.admin, paid.header("Location")).contains("id=\"payout-done\""));
        Map<String, Object> a = payoutOf(w.ownerAdminA, w.ownerA);
        assertEquals("PAID", a.get("state"));
        assertEquals("ICBC-20261201-01", a.get("bankReference"));
        assertNotNull(a.get("journalId"));
        assertEquals(0, money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE"), "owner A is owed nothing for the month");
        assertEquals(bankBefore - ownerShare, platform("BANK_CLEARING"), "the money left the bank account");

        Map<String, Object> twice = money.send(w.admin, HttpRequest.POST("/api/v1/admin/payouts/" + id + "/paid", Map.of()));
        assertEquals(num(a, "journalId"), num(twice, "journalId"), "marking it paid again posts nothing");
        assertEquals("409 PAYOUT_NOT_IN_FILE", money.error(w.admin, HttpRequest.POST("/api/v1/admin/payouts/" + id
                + "/failed", Map.of("reason", "退票"))));
        assertEquals(1, journals("PAYOUT:" + id));
        assertEquals(0, money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE"));
        assertTrue(bankFileUnchecked().isEmpty(), "a paid payout leaves the bank file");
        assertTrue(money.page(w.ownerAdminA, "/statements?org=" + w.ownerA).contains("已付款"), "the owner sees it paid");
    }

    @Test
    @Order(6)
    void aRetriedTransferWithoutAnswerIsUnknownAndTheNextRunAsksAgainWithTheSameKey() {
        long id = num(payoutOf(w.financeX, w.operatorX), "id");
        assertTrue(money.page(w.admin, "/admin/payouts?period=" + month).contains("id=\"retry-" + id + "\""),
                "the admin page offers the retry");
        assertEquals("403 FORBIDDEN", money.error(w.financeX, HttpRequest.POST("/api/v1/admin/payouts/" + id + "/retry",
                Map.of())));
        StubMapping silence = stubNoAnswer(key(operatorStatement, 2));

        Map<String, Object> retried = money.send(w.admin, HttpRequest.POST("/api/v1/admin/payouts/" + id + "/retry", Map.of()));
        assertEquals("UNKNOWN", retried.get("state"), "Stripe did not answer");
        assertEquals(2, num(retried, "attempt"), "a retry after a refusal takes the next key");
        assertTrue(transferCalls(key(operatorStatement, 2)) >= 1);
        assertEquals(operatorShare, money.balance(w.financeX, w.operatorX, "OPERATOR_PAYABLE"), "nothing posted yet");
        assertEquals("409 PAYOUT_NOT_FAILED", money.error(w.admin, HttpRequest.POST("/api/v1/admin/payouts/" + id
                + "/retry", Map.of())), "an unknown transfer is not retried under a new key");

        stripe.removeStub(silence);
        stubTransfer(key(operatorStatement, 2), "tr_payout_x", operatorShare);
        long cardBefore = platform("CARD_CLEARING");
        int askedBefore = transferCalls(key(operatorStatement, 2));
        Payouts.Result r = payouts.prepare();
        assertEquals(1, r.transferred(), r.toString());
        assertEquals(askedBefore + 1, transferCalls(key(operatorStatement, 2)), "asked again with the same key");
        assertEquals(transferCalls(key(operatorStatement, 1)) + transferCalls(key(operatorStatement, 2)), transferCalls(),
                "no other key was ever used");
        stripe.verify(postRequestedFor(urlEqualTo("/v1/transfers")).withHeader("Idempotency-Key",
                equalTo(key(operatorStatement, 2))).withRequestBody(containing("amount=" + operatorShare))
                .withRequestBody(containing("destination=" + ACCT_X)));

        Map<String, Object> x = payoutOf(w.financeX, w.operatorX);
        assertEquals("TRANSFERRED", x.get("state"));
        assertEquals("tr_payout_x", x.get("stripeTransferId"));
        assertEquals(0, money.balance(w.financeX, w.operatorX, "OPERATOR_PAYABLE"), "operator X is owed nothing");
        assertEquals(cardBefore - operatorShare, platform("CARD_CLEARING"), "paid out of the Stripe balance");
        assertTrue(money.page(w.financeX, "/statements?org=" + w.operatorX).contains("已转账"), "the operator sees it transferred");

        int calls = transferCalls();
        Payouts.Result rerun = payouts.prepare();
        assertEquals(0, rerun.created() + rerun.transferred() + rerun.inFile() + rerun.handled(), rerun.toString());
        assertEquals(calls, transferCalls(), "Stripe is not asked again");
        assertEquals(1, journals("PAYOUT:" + id));
        assertEquals(2, journals("PAYOUT:%"), "one journal per payout");
    }

    @Test
    @Order(7)
    void adminsSeeTheMonthsPayoutsAndOthersDoNot() {
        List<Map<String, Object>> all = money.getList(w.admin, "/api/v1/admin/payouts?period=" + month);
        assertEquals(2, all.size());
        assertEquals(ownerShare + operatorShare, all.stream().mapToLong(p -> num(p, "amountFen")).sum());
        String page = money.page(w.admin, "/admin/payouts?period=" + month);
        for (Map<String, Object> p : all) {
            assertTrue(page.contains("id=\"payout-" + num(p, "id") + "\""));
        }
        // a platform admin may set a party's account for it, and stays on the form
        HttpResponse<String> byAdmin = form(w.admin, "/organisations/" + w.ownerB + "/payout-account",
                "stripeAccountId=acct_1DayiOwnerB");
        assertEquals(HttpStatus.SEE_OTHER, byAdmin.getStatus());
        assertTrue(money.page(w.admin, byAdmin.header("Location")).contains("id=\"payout-account-saved\""));
        assertEquals("acct_1DayiOwnerB", money.send(w.ownerAdminB, HttpRequest.GET("/api/v1/organisations/" + w.ownerB
                + "/payout-account")).get("stripeAccountId"));
        assertEquals("400 PERIOD_INVALID", money.error(w.admin, HttpRequest.GET("/api/v1/admin/payouts?period=2026-13")));
        assertEquals("403 FORBIDDEN", money.error(w.ownerAdminA, HttpRequest.GET("/api/v1/admin/payouts?period=" + month)));
        assertEquals(403, money.status(w.managerX, "/admin/payouts"));
        assertEquals("403 FORBIDDEN", money.error(w.ownerAdminA, HttpRequest.GET("/admin/payouts/bank-file?period=" + month)));
        assertEquals("404 PAYOUT_NOT_FOUND", money.error(w.ownerAdminB, HttpRequest.GET("/api/v1/organisations/" + w.ownerA
                + "/payouts")));
        assertEquals("404 PAYOUT_NOT_FOUND", money.error(w.admin, HttpRequest.POST("/api/v1/admin/payouts/999999/paid",
                Map.of())));
    }

    // ---- helpers ----

    private long statementOf(String token, long party) {
        List<Map<String, Object>> s = money.getList(token, "/api/v1/organisations/" + party + "/statements");
        assertEquals(1, s.size(), "one statement for the month: " + s);
        return num(s.get(0), "id");
    }

    private Map<String, Object> payoutOf(String token, long party) {
        List<Map<String, Object>> p = money.getList(token, "/api/v1/organisations/" + party + "/payouts");
        assertEquals(1, p.size(), "one payout: " + p);
        return p.get(0);
    }

    private void approve(String token, long statement) {
        assertEquals("APPROVED", money.send(token, HttpRequest.POST("/api/v1/statements/" + statement + "/approve", Map.of()))
                .get("standing"));
    }

    private void dispute(String token, long statement, String reason) {
        assertEquals("DISPUTED", money.send(token, HttpRequest.POST("/api/v1/statements/" + statement + "/dispute",
                Map.of("reason", reason))).get("standing"));
    }

    private long platform(String type) {
        return PaidBookings.list(money.send(w.admin, HttpRequest.GET("/api/v1/ledger/parties/platform/accounts")), "accounts")
                .stream().filter(a -> type.equals(a.get("type"))).mapToLong(a -> num(a, "balanceFen")).sum();
    }

    private long journals(String keyLike) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM ledger_journal WHERE business_key LIKE ?", keyLike));
    }

    /** The bank file, parsed back; checks the byte-order mark. */
    private List<CSVRecord> bankFile() throws Exception {
        HttpResponse<byte[]> r = http.toBlocking().exchange(HttpRequest.GET("/admin/payouts/bank-file?period=" + month)
                .bearerAuth(w.admin), byte[].class);
        assertTrue(r.getContentType().map(t -> t.toString().startsWith("text/csv")).orElse(false));
        assertTrue(r.header("Content-Disposition").contains("attachment"));
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "UTF-8 with a byte-order mark, so Excel reads the Chinese");
        try (CSVParser parser = CSVParser.parse(new StringReader(text.substring(1)),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertEquals(Payouts.FILE_COLUMNS, parser.getHeaderNames());
            return parser.getRecords();
        }
    }

    private List<CSVRecord> bankFileUnchecked() {
        try {
            return bankFile();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> form(String token, String path, String body) {
        return http.toBlocking().exchange(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .accept(MediaType.TEXT_HTML_TYPE).bearerAuth(token), String.class);
    }

    private HttpClientResponseException assertRefusedForm(String token, String path, String body) {
        try {
            form(token, path, body);
        } catch (HttpClientResponseException e) {
            assertEquals(400, e.getStatus().getCode());
            return e;
        }
        throw new AssertionError("the form should have been refused");
    }

    private HttpClientResponseException refused(String token, MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request.bearerAuth(token), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> fieldErrors(HttpClientResponseException e) {
        String body = e.getResponse().getBody(String.class).orElse("");
        Map<String, Object> problem;
        try {
            problem = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (Exception x) {
            throw new AssertionError(body, x);
        }
        Map<String, String> out = new HashMap<>();
        for (Map<String, Object> err : (List<Map<String, Object>>) problem.get("errors")) {
            out.put((String) err.get("field"), (String) err.get("code"));
        }
        return out;
    }

    private static boolean bool(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
