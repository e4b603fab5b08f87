package cn.dayi.operator.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.voucher.Programmes;
import cn.dayi.marketplace.voucher.VoucherCheckout;
import cn.dayi.marketplace.voucher.VoucherExpiry;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Innovation vouchers on the real MariaDB: the fiscal officer sets up programmes and grants quota;
 * a buyer sees what the voucher pays before paying, checks out (part voucher, part bank transfer;
 * or wholly by voucher), the voucher is captured at completion and claimed by the operator (兑付),
 * released on cancellation, lost on expiry; a subsidy programme (先缴后补) records a claim for the
 * buyer at completion; and 50 parallel checkouts against one grant never overdraw it.
 *
 * <p>Orders are written straight into {@code service_order} in AWAITING_PAYMENT (how they got
 * there is BookingIT's business); from there every step goes through the real use cases. Each test
 * has its own enterprise, so grants of one test never meet another's.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoucherIT implements RealServices {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Organisations organisations;
    @Inject
    Accounts accounts;
    @Inject
    SignIn signIn;
    @Inject
    Tokens tokens;
    @Inject
    Jdbc jdbc;
    @Inject
    VoucherCheckout checkout;
    @Inject
    VoucherExpiry expiry;
    @Inject
    Bookings bookings;

    World w;
    long tem;
    long nmr;
    final AtomicInteger seq = new AtomicInteger();

    record Buyer(long org, long person, String token) {
    }

    @BeforeAll
    void world() throws Exception {
        w = World.in(context);
        tem = Long.parseLong(w.instrumentsA.get(0)); // category 01
        nmr = Long.parseLong(w.instrumentsA.get(1));
    }

    // ---------------------------------------------------------------- programmes and grants

    @Test
    void theFiscalOfficerSetsUpAProgrammeAndGrantsQuotaWithinTheBudget() {
        Buyer b = buyer();
        HttpClientResponseException bad = fails(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes",
                Map.of("name", "", "budgetFen", -1, "coverBp", 20_000, "regions", List.of("999999"))));
        assertEquals(400, bad.getStatus().getCode());
        String body = bad.getResponse().getBody(String.class).orElse("");
        for (String code : List.of("NAME_REQUIRED", "TYPE_REQUIRED", "BUDGET_INVALID", "WINDOW_INVALID", "COVER_INVALID",
                "REGION_UNKNOWN")) {
            assertTrue(body.contains(code), code + " in " + body);
        }
        long before = count("SELECT COUNT(*) FROM voucher_programme");
        assertEquals(403, fails(w.buyer, HttpRequest.POST("/api/v1/voucher-programmes", standard(1_000_000))).getStatus().getCode());
        assertEquals(before, count("SELECT COUNT(*) FROM voucher_programme"), "refused input saves nothing");

        Map<String, Object> p = send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes", standard(10_000_000)));
        long id = num(p, "id");
        assertEquals("STANDARD", p.get("type"));
        assertEquals(List.of("440300"), p.get("regions"));
        assertEquals(10_000_000L, num(p, "remainingFen"));

        Map<String, Object> g = send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes/" + id + "/grants",
                Map.of("enterpriseId", b.org(), "amountFen", 6_000_000)));
        assertEquals(6_000_000L, num(g, "availableFen"));
        HttpClientResponseException over = fails(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes/" + id + "/grants",
                Map.of("enterpriseId", b.org(), "amountFen", 4_000_001)));
        assertEquals(422, over.getStatus().getCode());
        assertTrue(over.getResponse().getBody(String.class).orElse("").contains("BUDGET_EXCEEDED"));
        send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes/" + id + "/grants",
                Map.of("enterpriseId", b.org(), "amountFen", 4_000_000))); // tops the same grant up to the budget
        Map<String, Object> after = send(w.fiscal, HttpRequest.GET("/api/v1/voucher-programmes/" + id));
        assertEquals(10_000_000L, num(after, "grantedFen"));
        assertEquals(0L, num(after, "remainingFen"));

        Buyer unverified = buyer();
        jdbc.write(c -> Jdbc.update(c, "UPDATE organisation SET verification = 'PENDING' WHERE id = ?", unverified.org()));
        long p2 = num(send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes", standard(1_000_000))), "id");
        HttpClientResponseException notVerified = fails(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes/" + p2
                + "/grants", Map.of("enterpriseId", unverified.org(), "amountFen", 100)));
        assertTrue(notVerified.getResponse().getBody(String.class).orElse("").contains("ORGANISATION_NOT_VERIFIED"));

        List<Map<String, Object>> mine = list(b.token(), "/api/v1/organisations/" + b.org() + "/voucher-grants");
        assertEquals(1, mine.size());
        assertEquals(10_000_000L, num(mine.get(0), "quotaFen"));
        assertEquals(403, fails(w.buyer, HttpRequest.GET("/api/v1/organisations/" + b.org() + "/voucher-grants"))
                .getStatus().getCode());
    }

    @Test
    void fiftyParallelGrantsNeverOverdrawTheProgrammeBudget() throws Exception {
        long programme = num(send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes", standard(20 * 10_000))), "id");
        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            buyers.add(buyer());
        }
        Actor fiscal = actorOf(w.fiscal);
        Programmes programmes = context.getBean(Programmes.class);
        List<Object> results = parallel(50, i -> programmes.grant(fiscal, programme,
                new Programmes.NewGrant(buyers.get(i).org(), 10_000L, null)));
        assertEquals(20, results.stream().filter(r -> r instanceof Programmes.Grant).count());
        assertTrue(results.stream().filter(r -> !(r instanceof Programmes.Grant))
                .allMatch(r -> "BUDGET_EXCEEDED".equals(r)), results.toString());
        assertEquals(200_000L, count("SELECT granted_fen FROM voucher_programme WHERE id = " + programme));
        assertEquals(200_000L, count("SELECT SUM(quota_fen) FROM voucher_grant WHERE programme_id = " + programme));
    }

    @Test
    void theFiscalPageShowsTheBudgetInYuanAndWhatIsUsed() {
        Buyer b = buyer();
        Map<String, Object> p = standard(123_456_789);
        p.put("name", "页面创新券-" + b.org());
        programmeWithGrant(p, b, 100_000);
        String html = http.toBlocking().retrieve(HttpRequest.GET("/fiscal/vouchers").accept("text/html")
                .bearerAuth(w.fiscal), String.class);
        assertTrue(html.contains("页面创新券-" + b.org()), "the programme is listed");
        assertTrue(html.contains("1,234,567.89"), "the budget in yuan");
        assertTrue(html.contains("1,000.00"), "the grant's quota in yuan");
        assertEquals(403, fails(b.token(), HttpRequest.GET("/fiscal/vouchers").accept("text/html")).getStatus().getCode());
    }

    // ---------------------------------------------------------------- the order

    @Test
    void partVoucherPartBankTransferThenCapturedAtCompletionAndClaimedByTheOperator() {
        Buyer b = buyer();
        long programme = programmeWithGrant(standard(100_000_000), b, 10_000_000);
        long order = order(b, tem, 3_000_000); // 30,000 CNY: above the 10,000 CNY full-cover threshold → 50%

        Map<String, Object> preview = send(b.token(), HttpRequest.GET("/api/v1/orders/" + order + "/voucher"));
        assertEquals("PREVIEW", preview.get("state"));
        assertEquals(1_500_000L, num(preview, "voucherFen"));
        assertEquals(1_500_000L, num(preview, "cashDueFen"));
        assertEquals("AWAITING_PAYMENT", state(order), "a preview holds nothing");

        Map<String, Object> done = send(b.token(), HttpRequest.POST("/api/v1/orders/" + order + "/checkout", Map.of()));
        assertEquals("AWAITING_PAYMENT", ((Map<?, ?>) done.get("order")).get("state"), "the cash part is still due");
        assertEquals("HELD", ((Map<?, ?>) done.get("voucher")).get("state"));
        assertEquals(1_500_000L, bookings.cashDueFen(order));
        assertEquals(8_500_000L, available(b));
        HttpClientResponseException again = fails(b.token(), HttpRequest.POST("/api/v1/orders/" + order + "/checkout", Map.of()));
        assertTrue(again.getResponse().getBody(String.class).orElse("").contains("VOUCHER_ALREADY_APPLIED"));

        HttpClientResponseException whole = fails(w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer",
                Map.of("amountFen", 3_000_000, "reference", "VT-" + order + "-A")));
        assertTrue(whole.getResponse().getBody(String.class).orElse("").contains("AMOUNT_MISMATCH"));
        send(w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer",
                Map.of("amountFen", 1_500_000, "reference", "VT-" + order + "-B")));
        assertEquals("CONFIRMED", state(order));
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-out", Map.of()));
        assertEquals("CAPTURED", send(b.token(), HttpRequest.GET("/api/v1/orders/" + order + "/voucher")).get("state"));
        Map<String, Object> grant = list(b.token(), "/api/v1/organisations/" + b.org() + "/voucher-grants").get(0);
        assertEquals(0L, num(grant, "heldFen"));
        assertEquals(1_500_000L, num(grant, "capturedFen"));
        Map<String, Object> money = send(w.financeX, HttpRequest.GET("/api/v1/orders/" + order + "/money"));
        assertEquals(1_500_000L, num(money, "paidFen"), "cash paid by bank transfer");
        assertEquals(3_000_000L, num(money, "earnedFen"), "cash and voucher are both earned and split at completion");
        assertEquals(0L, num(money, "heldFen"));

        String period = YearMonth.now(ClockFactory.SHANGHAI).toString();
        assertEquals(403, fails(w.technicianX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/voucher-claims",
                Map.of("programmeId", programme, "period", period))).getStatus().getCode());
        Map<String, Object> claim = send(w.financeX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/voucher-claims",
                Map.of("programmeId", programme, "period", period)));
        assertEquals("REDEMPTION", claim.get("kind"));
        assertEquals(1_500_000L, num(claim, "amountFen"));
        assertEquals(List.of(order), ((List<?>) claim.get("orderIds")).stream().map(o -> ((Number) o).longValue()).toList());
        HttpClientResponseException twice = fails(w.financeX, HttpRequest.POST("/api/v1/operators/" + w.operatorX
                + "/voucher-claims", Map.of("programmeId", programme, "period", period)));
        assertTrue(twice.getResponse().getBody(String.class).orElse("").contains("NOTHING_TO_CLAIM"), "claimed once only");

        long claimId = num(claim, "id");
        assertEquals(403, fails(w.financeX, HttpRequest.POST("/api/v1/voucher-claims/" + claimId + "/approve", Map.of()))
                .getStatus().getCode());
        assertEquals("APPROVED", send(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + claimId + "/approve", Map.of()))
                .get("state"));
        HttpClientResponseException decided = fails(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + claimId
                + "/reject", Map.of("reason", "late")));
        assertEquals(409, decided.getStatus().getCode());
        assertTrue(list(w.managerX, "/api/v1/operators/" + w.operatorX + "/voucher-claims").stream()
                .anyMatch(c -> num(c, "id") == claimId && "APPROVED".equals(c.get("state"))));
    }

    @Test
    void aSmallOrderIsPaidWhollyByVoucherAndConfirmedWithoutCash() {
        Buyer b = buyer();
        programmeWithGrant(standard(100_000_000), b, 10_000_000);
        long order = order(b, tem, 800_000); // 8,000 CNY < 10,000 CNY
        Map<String, Object> done = send(b.token(), HttpRequest.POST("/api/v1/orders/" + order + "/checkout", Map.of()));
        assertEquals("CONFIRMED", ((Map<?, ?>) done.get("order")).get("state"));
        assertEquals(0L, num((Map<String, Object>) done.get("voucher"), "cashDueFen"));
        assertEquals(0L, bookings.cashDueFen(order));
        assertEquals("PAID_BY_VOUCHER", jdbc.read(c -> Jdbc.one(c, "SELECT event FROM service_order_event WHERE order_id = ? "
                + "ORDER BY id DESC LIMIT 1", rs -> rs.getString(1), order)).orElseThrow());
        assertEquals(800_000L, num(send(w.financeX, HttpRequest.GET("/api/v1/orders/" + order + "/money")), "heldFen"),
                "the voucher part is posted as held for the buyer (receivable from the fiscal fund)");
    }

    @Test
    void cancellingReleasesTheHoldAndAnOrderOutsideTheProgrammeGetsNoVoucher() {
        Buyer b = buyer();
        Map<String, Object> onlyNmr = standard(100_000_000);
        onlyNmr.put("categories", List.of());
        onlyNmr.put("instrumentIds", List.of(nmr));
        programmeWithGrant(onlyNmr, b, 1_000_000);
        long other = order(b, tem, 500_000);
        Map<String, Object> none = send(b.token(), HttpRequest.GET("/api/v1/orders/" + other + "/voucher"));
        assertEquals("NONE", none.get("state"));
        assertEquals("INSTRUMENT_NOT_ELIGIBLE", ((Map<?, ?>) ((List<?>) none.get("considered")).get(0)).get("whyNot"));
        HttpClientResponseException refused = fails(b.token(), HttpRequest.POST("/api/v1/orders/" + other + "/checkout", Map.of()));
        assertEquals(422, refused.getStatus().getCode());
        assertEquals("AWAITING_PAYMENT", state(other));

        long order = order(b, nmr, 600_000);
        send(b.token(), HttpRequest.POST("/api/v1/orders/" + order + "/checkout", Map.of()));
        assertEquals(400_000L, available(b));
        send(b.token(), HttpRequest.POST("/api/v1/orders/" + order + "/cancel", Map.of()));
        assertEquals("RELEASED", send(b.token(), HttpRequest.GET("/api/v1/orders/" + order + "/voucher")).get("state"));
        assertEquals(1_000_000L, available(b));
    }

    @Test
    void expiryTakesTheUnheldQuotaAndAHoldReleasedLaterIsLostToo() {
        Buyer b = buyer();
        LocalDate today = LocalDate.now(ClockFactory.SHANGHAI);
        long programme = num(send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes", standard(100_000_000))), "id");
        send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes/" + programme + "/grants",
                Map.of("enterpriseId", b.org(), "amountFen", 1_000_000, "validUntil", today.toString())));
        long held = order(b, tem, 300_000);
        send(b.token(), HttpRequest.POST("/api/v1/orders/" + held + "/checkout", Map.of()));

        assertEquals(0, expiry.expireDue(today), "valid through today");
        assertTrue(expiry.expireDue(today.plusDays(1)) >= 1);
        assertEquals(0, expiry.expireDue(today.plusDays(1)), "a re-run changes nothing");
        Map<String, Object> g = list(b.token(), "/api/v1/organisations/" + b.org() + "/voucher-grants").get(0);
        assertEquals("EXPIRED", g.get("state"));
        assertEquals(300_000L, num(g, "heldFen"), "what is held on an open order stays held");
        assertEquals(700_000L, num(g, "expiredFen"));
        assertEquals(0L, num(g, "availableFen"));

        long later = order(b, tem, 100_000);
        assertEquals("NONE", send(b.token(), HttpRequest.GET("/api/v1/orders/" + later + "/voucher")).get("state"));
        send(b.token(), HttpRequest.POST("/api/v1/orders/" + held + "/cancel", Map.of()));
        g = list(b.token(), "/api/v1/organisations/" + b.org() + "/voucher-grants").get(0);
        assertEquals(0L, num(g, "heldFen"));
        assertEquals(1_000_000L, num(g, "expiredFen"), "released after expiry: lost, not available again");
    }

    @Test
    void aSubsidyProgrammeRecordsAClaimForTheBuyerAtCompletion() {
        Buyer b = buyer();
        Map<String, Object> chongqing = standard(100_000_000);
        chongqing.put("type", "POST_PAYMENT_SUBSIDY");
        chongqing.put("coverBp", 2_000);
        chongqing.put("categories", List.of());
        chongqing.put("instrumentIds", List.of(tem));
        chongqing.remove("fullCoverBelowFen");
        programmeWithGrant(chongqing, b, 5_000_000);
        long order = order(b, tem, 1_234_567);
        assertEquals("NONE", send(b.token(), HttpRequest.GET("/api/v1/orders/" + order + "/voucher")).get("state"),
                "a subsidy is not deducted at checkout");
        send(w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer",
                Map.of("amountFen", 1_234_567, "reference", "VT-" + order)));
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-out", Map.of()));

        assertEquals(246_913L, num(send(b.token(), HttpRequest.GET("/api/v1/orders/" + order + "/voucher")), "subsidyFen"),
                "20% of 12,345.67 CNY, rounded down");
        Map<String, Object> claim = list(w.fiscal, "/api/v1/voucher-claims?state=SUBMITTED").stream()
                .filter(c -> num(c, "claimantId") == b.org()).findFirst().orElseThrow();
        assertEquals("SUBSIDY", claim.get("kind"));
        assertEquals(246_913L, num(claim, "amountFen"));
        assertEquals(5_000_000L - 246_913L, available(b));
        assertEquals(400, fails(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + num(claim, "id") + "/reject",
                Map.of())).getStatus().getCode());
        Map<String, Object> rejected = send(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + num(claim, "id")
                + "/reject", Map.of("reason", "发票不全")));
        assertEquals("REJECTED", rejected.get("state"));
        assertEquals(5_000_000L, available(b), "a rejected subsidy goes back to the grant");
    }

    // ---------------------------------------------------------------- refunds and the ledger

    @Test
    void aRefundOfAnOrderPaidPartVoucherPartCashGivesBothBackInProportionAndTheVoucherPartIsNoLongerClaimable() {
        Buyer b = buyer();
        long programme = programmeWithGrant(standard(100_000_000), b, 10_000_000);
        long order = order(b, tem, 3_000_000); // 15,000 CNY voucher + 15,000 CNY bank transfer
        send(b.token(), HttpRequest.POST("/api/v1/orders/" + order + "/checkout", Map.of()));
        send(w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer",
                Map.of("amountFen", 1_500_000, "reference", "VR-" + order)));
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-out", Map.of()));
        assertEquals(8_500_000L, available(b));

        Map<String, Object> m = refund(order, 1_000_001, "两小时未能使用 two hours unusable");
        assertEquals(1_000_001L, num(m, "refundedFen"));
        assertEquals(500_001L, num(m, "refundedCashFen"), "half of it cash (the odd fen by largest remainder)");
        assertEquals(500_000L, num(m, "refundedVoucherFen"), "and half voucher, as the order was paid");
        assertEquals(999_999L, num(m, "refundableCashFen"));
        assertEquals(1_000_000L, num(m, "refundableVoucherFen"));
        Map<String, Object> seen = send(b.token(), HttpRequest.GET("/api/v1/orders/" + order + "/money"));
        Map<?, ?> r = (Map<?, ?>) ((List<?>) seen.get("refunds")).get(0);
        assertEquals("两小时未能使用 two hours unusable", r.get("reason"), "the buyer reads why");
        assertEquals(500_001L, ((Number) r.get("cashFen")).longValue());
        assertEquals(500_000L, ((Number) r.get("voucherFen")).longValue());
        assertEquals("BANK_TRANSFER", r.get("method"));
        assertEquals(9_000_000L, available(b), "the voucher part is back on the grant");
        Map<String, Object> grant = list(b.token(), "/api/v1/organisations/" + b.org() + "/voucher-grants").get(0);
        assertEquals(1_000_000L, num(grant, "capturedFen"));
        assertEquals(1_000_000L, num(send(b.token(), HttpRequest.GET("/api/v1/orders/" + order + "/voucher")), "voucherFen"));
        List<Map<String, Object>> legs = refundLegs(order);
        assertEquals(0L, legs.stream().mapToLong(l -> num(l, "amountFen")).sum(), "the refund journal balances");
        assertEquals(-500_001L, legSum(legs, "BANK_CLEARING"));
        assertEquals(-500_000L, legSum(legs, "VOUCHER_RECEIVABLE"), "the fiscal fund no longer owes the voucher part");
        assertEquals(0L, legSum(legs, "BUYER_PREPAID"), "nothing was held any more: the shares give it back");

        // the operator claims only what the voucher still pays
        String period = YearMonth.now(ClockFactory.SHANGHAI).toString();
        Map<String, Object> claim = send(w.financeX, HttpRequest.POST("/api/v1/operators/" + w.operatorX + "/voucher-claims",
                Map.of("programmeId", programme, "period", period)));
        assertEquals(1_000_000L, num(claim, "amountFen"));
        HttpClientResponseException claimed = fails(w.financeX, refundRequest(order, 2, "再退两分"));
        assertEquals(409, claimed.getStatus().getCode());
        assertTrue(claimed.getResponse().getBody(String.class).orElse("").contains("VOUCHER_CLAIMED"));

        // approving the claim: the fiscal fund owes it (VOUCHER_CLAIM:<id>:APPROVED), once
        long fundBefore = balance(w.fiscal, "fiscal-fund", "FISCAL_FUND_RECEIVABLE");
        long claimId = num(claim, "id");
        send(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + claimId + "/approve", Map.of()));
        assertEquals(1_000_000L, balance(w.fiscal, "fiscal-fund", "FISCAL_FUND_RECEIVABLE") - fundBefore);
        assertEquals(409, fails(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + claimId + "/approve", Map.of()))
                .getStatus().getCode());
        assertEquals(1L, count("SELECT COUNT(*) FROM ledger_journal WHERE business_key = 'VOUCHER_CLAIM:" + claimId + ":APPROVED'"));
        assertEquals(1_000_000L, balance(w.fiscal, "fiscal-fund", "FISCAL_FUND_RECEIVABLE") - fundBefore);
        assertEquals(409, fails(w.financeX, refundRequest(order, 2, "再退两分")).getStatus().getCode(),
                "an approved redemption is final for the voucher part");
    }

    @Test
    void aFullRefundOfAVoucherOnlyOrderReturnsEverythingToTheGrant() {
        Buyer b = buyer();
        long programme = programmeWithGrant(standard(100_000_000), b, 10_000_000);
        long order = order(b, tem, 800_000); // wholly by voucher
        send(b.token(), HttpRequest.POST("/api/v1/orders/" + order + "/checkout", Map.of()));
        assertEquals(9_200_000L, available(b));

        Map<String, Object> m = refund(order, 800_000, "设备停机，取消服务 instrument down");
        assertEquals(800_000L, num(m, "refundedVoucherFen"));
        assertEquals(0L, num(m, "refundedCashFen"));
        assertEquals(0L, num(m, "heldFen"));
        assertEquals(0L, num(m, "refundableFen"));
        assertEquals("VOUCHER", ((Map<?, ?>) ((List<?>) m.get("refunds")).get(0)).get("method"));
        assertEquals(10_000_000L, available(b), "all of it back on the grant");
        assertEquals("RELEASED", send(b.token(), HttpRequest.GET("/api/v1/orders/" + order + "/voucher")).get("state"));
        List<Map<String, Object>> legs = refundLegs(order);
        assertEquals(-800_000L, legSum(legs, "VOUCHER_RECEIVABLE"));
        assertEquals(800_000L, legSum(legs, "BUYER_PREPAID"));
        HttpClientResponseException more = fails(w.financeX, refundRequest(order, 1, "one fen more"));
        assertTrue(more.getResponse().getBody(String.class).orElse("").contains("REFUND_EXCEEDS_PAID"));

        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
        send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-out", Map.of()));
        assertEquals(0L, num(send(w.financeX, HttpRequest.GET("/api/v1/orders/" + order + "/money")), "earnedFen"));
        HttpClientResponseException nothing = fails(w.financeX, HttpRequest.POST("/api/v1/operators/" + w.operatorX
                + "/voucher-claims", Map.of("programmeId", programme, "period", YearMonth.now(ClockFactory.SHANGHAI).toString())));
        assertTrue(nothing.getResponse().getBody(String.class).orElse("").contains("NOTHING_TO_CLAIM"),
                "a refunded voucher is not claimable");
    }

    @Test
    void anApprovedSubsidyIsOwedToTheBuyerAndARejectedClaimPostsNothing() {
        Buyer b = buyer();
        Map<String, Object> chongqing = standard(100_000_000);
        chongqing.put("type", "POST_PAYMENT_SUBSIDY");
        chongqing.put("coverBp", 1_000);
        chongqing.put("categories", List.of());
        chongqing.put("instrumentIds", List.of(tem));
        chongqing.remove("fullCoverBelowFen");
        programmeWithGrant(chongqing, b, 5_000_000);
        List<Long> claims = new ArrayList<>();
        for (long total : List.of(1_000_000L, 2_000_000L)) {
            long order = order(b, tem, total);
            send(w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/bank-transfer",
                    Map.of("amountFen", total, "reference", "SUB-" + order)));
            send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
            send(w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-out", Map.of()));
        }
        list(w.fiscal, "/api/v1/voucher-claims?state=SUBMITTED").stream().filter(c -> num(c, "claimantId") == b.org())
                .forEach(c -> claims.add(num(c, "id")));
        assertEquals(2, claims.size());
        long fundBefore = balance(w.fiscal, "fiscal-fund", "FISCAL_FUND_RECEIVABLE");
        send(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + claims.get(0) + "/approve", Map.of()));
        send(w.fiscal, HttpRequest.POST("/api/v1/voucher-claims/" + claims.get(1) + "/reject", Map.of("reason", "材料不全")));
        assertEquals(100_000L, balance(b.token(), Long.toString(b.org()), "SUBSIDY_PAYABLE"), "10 % of 10,000 CNY, owed to the buyer");
        assertEquals(100_000L, balance(w.fiscal, "fiscal-fund", "FISCAL_FUND_RECEIVABLE") - fundBefore,
                "the fiscal fund owes the approved subsidy only");
        assertEquals(0L, count("SELECT COUNT(*) FROM ledger_journal WHERE business_key LIKE 'VOUCHER_CLAIM:" + claims.get(1) + ":%'"),
                "a rejection posts nothing");
    }

    private MutableHttpRequest<?> refundRequest(long order, long amountFen, String reason) {
        return HttpRequest.POST("/api/v1/orders/" + order + "/refunds", Map.of("amountFen", amountFen, "reason", reason))
                .header("Idempotency-Key", "refund-" + order + "-" + seq.incrementAndGet());
    }

    private Map<String, Object> refund(long order, long amountFen, String reason) {
        return send(w.financeX, refundRequest(order, amountFen, reason));
    }

    /** The legs of the order's latest refund journal (as operator staff see them). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> refundLegs(long order) {
        List<Map<String, Object>> journals = (List<Map<String, Object>>) send(w.financeX,
                HttpRequest.GET("/api/v1/orders/" + order + "/money")).get("journals");
        Map<String, Object> last = journals.stream().filter(j -> "REFUNDED".equals(j.get("event"))).reduce((x, y) -> y)
                .orElseThrow();
        return (List<Map<String, Object>>) last.get("legs");
    }

    private static long legSum(List<Map<String, Object>> legs, String type) {
        return legs.stream().filter(l -> type.equals(l.get("type"))).mapToLong(l -> num(l, "amountFen")).sum();
    }

    /** The balance (normal side) of the party's account of {@code type}; 0 while it has none. */
    @SuppressWarnings("unchecked")
    private long balance(String token, String party, String type) {
        return ((List<Map<String, Object>>) send(token, HttpRequest.GET("/api/v1/ledger/parties/" + party + "/accounts"))
                .get("accounts")).stream().filter(a -> type.equals(a.get("type"))).mapToLong(a -> num(a, "balanceFen")).sum();
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void fiftyParallelCheckoutsAgainstOneGrantHoldExactlyWhatFits() throws Exception {
        Buyer b = buyer();
        long t = 40_000; // 400 CNY, under the full-cover threshold: each order fits wholly or not at all
        programmeWithGrant(standard(100_000_000), b, 20 * t);
        List<Long> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(order(b, tem, t));
        }
        Actor actor = actorOf(b.token());
        List<Object> results = parallel(50, i -> checkout.checkout(actor, orders.get(i)));
        long ok = results.stream().filter(r -> r instanceof VoucherCheckout.Checkout).count();
        assertEquals(20, ok, "exactly the 20 that fit: " + results);
        assertTrue(results.stream().filter(r -> !(r instanceof VoucherCheckout.Checkout))
                .allMatch(r -> "NO_VOUCHER_APPLIES".equals(r) || "VOUCHER_CHANGED".equals(r)), results.toString());
        long grant = count("SELECT id FROM voucher_grant WHERE enterprise_id = " + b.org());
        assertEquals(20 * t, count("SELECT SUM(amount_fen) FROM voucher_use WHERE state = 'HELD' AND grant_id = " + grant));
        assertEquals(20 * t, count("SELECT held_fen FROM voucher_grant WHERE id = " + grant));
        assertEquals(0L, available(b));
        assertEquals(20, count("SELECT COUNT(*) FROM service_order WHERE state = 'CONFIRMED' AND buyer_org_id = " + b.org()));
        assertEquals(30, count("SELECT COUNT(*) FROM service_order WHERE state = 'AWAITING_PAYMENT' AND buyer_org_id = " + b.org()));
    }

    // ---------------------------------------------------------------- fixture

    /** Shenzhen, category 01, 50% co-pay, wholly under 10,000 CNY, caps 20,000 CNY an order and 100,000 a year. */
    static Map<String, Object> standard(long budgetFen) {
        Map<String, Object> p = new HashMap<>();
        LocalDate today = LocalDate.now(ClockFactory.SHANGHAI);
        p.put("name", "深圳科技创新券 " + budgetFen);
        p.put("type", "STANDARD");
        p.put("budgetFen", budgetFen);
        p.put("validFrom", today.minusDays(30).toString());
        p.put("validUntil", today.plusDays(300).toString());
        p.put("regions", List.of("440300"));
        p.put("acceptingRegions", List.of("GB-FIF"));
        p.put("categories", List.of("01"));
        p.put("coverBp", 5_000);
        p.put("fullCoverBelowFen", 1_000_000);
        p.put("perOrderCapFen", 2_000_000);
        p.put("yearlyCapFen", 10_000_000);
        return p;
    }

    private long programmeWithGrant(Map<String, Object> programme, Buyer b, long quotaFen) {
        long id = num(send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes", programme)), "id");
        send(w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes/" + id + "/grants",
                Map.of("enterpriseId", b.org(), "amountFen", quotaFen)));
        return id;
    }

    private Buyer buyer() {
        int n = seq.incrementAndGet();
        long org = organisations.create("创新券企业-" + n + "-" + w.enterprise, null, OrganisationKind.ENTERPRISE, "440305").id();
        String email = w.email("voucher-buyer-" + n);
        long person = accounts.create(email, "buyer " + n, World.PASSWORD, org, Role.BUYER_MEMBER, null).id();
        return new Buyer(org, person, tokens.issue(signIn.signIn(email, World.PASSWORD, "test")));
    }

    /** An order of {@code b} for {@code instrument} served by operator X, AWAITING_PAYMENT, {@code totalFen}. */
    private long order(Buyer b, long instrument, long totalFen) {
        Instant start = Instant.now().plus(Duration.ofDays(5)).plus(Duration.ofHours(seq.incrementAndGet()));
        String quote = "{\"instrumentId\":" + instrument + ",\"tariffCode\":\"T\",\"tariffVersion\":1,\"pricedOn\":\""
                + LocalDate.now(ClockFactory.SHANGHAI) + "\",\"chargeUnit\":\"HOUR\",\"buyerClass\":\"COMMERCIAL\","
                + "\"quantity\":1,\"unitPriceFen\":" + totalFen + ",\"lines\":[],\"totalFen\":" + totalFen
                + ",\"currency\":\"CNY\"}";
        return jdbc.write(c -> Jdbc.insert(c, """
                INSERT INTO service_order (instrument_id, operator_id, buyer_org_id, buyer_person_id, state, mode, starts_at,
                  ends_at, quote_json, total_fen, hold_expires_at) VALUES (?, ?, ?, ?, 'AWAITING_PAYMENT', 'STAFF_OPERATED',
                  ?, ?, ?, ?, ?)""", instrument, w.operatorX, b.org(), b.person(), start, start.plus(Duration.ofHours(1)),
                quote, totalFen, Instant.now().plus(Duration.ofDays(2))));
    }

    private long available(Buyer b) {
        return count("SELECT SUM(quota_fen - held_fen - captured_fen - expired_fen) FROM voucher_grant WHERE enterprise_id = "
                + b.org());
    }

    private String state(long order) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT state FROM service_order WHERE id = ?", rs -> rs.getString(1), order))
                .orElseThrow();
    }

    private long count(String sql) {
        return jdbc.read(c -> Jdbc.count(c, sql));
    }

    private Actor actorOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        long id = Long.parseLong(payload.replaceAll(".*\"sub\":\"(\\d+)\".*", "$1"));
        return accounts.actor(id).orElseThrow();
    }

    @FunctionalInterface
    interface Call {
        Object call(int i) throws Exception;
    }

    /** Runs {@code n} calls at once on {@code n} threads; each result is the answer or the ApiException's code. */
    private static List<Object> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, Object> results = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> {
                go.await();
                try {
                    results.put(k, call.call(k));
                } catch (ApiException e) {
                    results.put(k, e.code());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(results.get(i));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(String token, MutableHttpRequest<?> request) {
        HttpResponse<Map> r = http.toBlocking().exchange(request.bearerAuth(token), Map.class);
        return (Map<String, Object>) r.body();
    }

    private List<Map<String, Object>> list(String token, String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(token),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    private HttpClientResponseException fails(String token, MutableHttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request.bearerAuth(token), String.class);
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected a refusal of " + request.getPath());
    }

    private static long num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).longValue();
    }
}
