package cn.dayi.operator.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.payment.CardReconciliation;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.stripe.Stripe;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Card payments end to end, with WireMock standing in for the Stripe API (stripe-java points at it)
 * and webhooks signed with the real scheme ({@code t=…,v1=HMAC-SHA256(secret, t + "." + body)}) and
 * checked by stripe-java: an order is confirmed only by a signed {@code payment_intent.succeeded};
 * a declined card leaves it awaiting payment with the reason; a redelivered event changes nothing;
 * a bad signature is refused; an amount that does not fit never confirms; refunds never exceed the
 * payment; reconciliation finds what the webhook missed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardPaymentIT implements RealServices {

    static final String WEBHOOK_SECRET = "whsec_dayi_test_0123456789";

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;
    @Inject
    CardReconciliation reconciliation;

    WireMockServer stripe;
    OrderFixture f;
    int events;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(RealServices.super.getProperties());
        if (stripe == null) {
            stripe = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            stripe.start();
        }
        p.put("stripe.secret-key", "sk_test_dayi");
        p.put("stripe.webhook-secret", WEBHOOK_SECRET);
        p.put("stripe.api-base", stripe.baseUrl());
        p.put("stripe.payment-methods", "card,alipay,wechat_pay");
        return p;
    }

    @BeforeAll
    void world() throws Exception {
        f = new OrderFixture(World.in(context), http, jdbc);
    }

    @AfterAll
    void stopStripe() {
        stripe.stop();
    }

    // ---- Stripe's side ----

    private static String intent(String id, long amount, String status, String lastError) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":" + amount + ",\"currency\":\"cny\","
                + "\"status\":\"" + status + "\",\"client_secret\":\"" + id + "_secret_abc\",\"livemode\":false,"
                + "\"payment_method_types\":[\"card\",\"alipay\",\"wechat_pay\"],\"metadata\":{},"
                + "\"last_payment_error\":" + (lastError == null ? "null" : lastError) + "}";
    }

    /** Stripe creates PaymentIntent {@code id} for the request carrying {@code key}. */
    private void stubCreate(String key, String id, long amount) {
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key", equalTo(key))
                .willReturn(okJson(intent(id, amount, "requires_payment_method", null))));
    }

    /** A signed event as Stripe sends it; returns the HTTP status and body. */
    private HttpResponse<String> webhook(String body, String signature) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/v1/payments/stripe/webhook", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Stripe-Signature", signature), String.class);
    }

    private String event(String id, String type, String object) {
        return "{\"id\":\"" + id + "\",\"object\":\"event\",\"api_version\":\"" + Stripe.API_VERSION + "\",\"created\":"
                + Instant.now().getEpochSecond() + ",\"livemode\":false,\"pending_webhooks\":1,\"type\":\"" + type
                + "\",\"data\":{\"object\":" + object + "}}";
    }

    static String sign(String body, String secret, long t) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private String signed(String body) throws Exception {
        return sign(body, WEBHOOK_SECRET, Instant.now().getEpochSecond());
    }

    private Map<String, Object> start(long order, String requestKey, int expectedStatus) {
        HttpResponse<Map> r = http.toBlocking().exchange(HttpRequest.POST("/api/v1/orders/" + order + "/card-payment", Map.of())
                .header("Idempotency-Key", requestKey).bearerAuth(f.w.buyer), Map.class);
        assertEquals(expectedStatus, r.getStatus().getCode());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = r.body();
        return body;
    }

    /** Pays {@code order} by card: PaymentIntent {@code pi} created, then a signed payment_intent.succeeded. */
    private void payByCard(long order, String pi) throws Exception {
        stubCreate("order-" + order + "-attempt-1", pi, f.totalFen(order));
        start(order, "start-" + order, 201);
        String body = event("evt_paid_" + order, "payment_intent.succeeded", intent(pi, f.totalFen(order), "succeeded", null));
        assertEquals(200, webhook(body, signed(body)).getStatus().getCode());
    }

    private long count(String sql, Object... args) {
        return jdbc.read(c -> Jdbc.count(c, sql, args));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("attempts");
    }

    // ---- tests ----

    @Test
    void aSignedSucceededEventConfirmsTheOrderOnceAndARedeliveryChangesNothing() throws Exception {
        long order = f.awaitingPayment();
        long total = f.totalFen(order);
        String pi = "pi_confirm_" + order;
        stubCreate("order-" + order + "-attempt-1", pi, total);
        Map<String, Object> view = f.cardPayment(f.w.buyer, order);
        assertEquals(true, view.get("cardPaymentAvailable"));
        assertEquals(true, view.get("canPayByCardNow"));
        assertEquals(List.of("card", "alipay", "wechat_pay"), view.get("paymentMethodTypes"));

        Map<String, Object> started = start(order, "buyer-key-1", 201);
        assertEquals(pi, started.get("paymentIntentId"));
        assertEquals(pi + "_secret_abc", started.get("clientSecret"));
        assertEquals(total, ((Number) started.get("amountFen")).longValue());
        assertEquals("CNY", started.get("currency"));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("order-" + order + "-attempt-1"))
                .withRequestBody(containing("amount=" + total)).withRequestBody(containing("currency=cny"))
                .withRequestBody(containing("payment_method_types[0]=card"))
                .withRequestBody(containing("payment_method_types[1]=alipay"))
                .withRequestBody(containing("payment_method_types[2]=wechat_pay")));
        // starting does not confirm; asking again returns the same PaymentIntent without a second one at Stripe
        assertEquals("AWAITING_PAYMENT", f.order(order).get("state"));
        Map<String, Object> again = start(order, "buyer-key-2", 200);
        assertEquals(pi, again.get("paymentIntentId"));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/payment_intents"))
                .withHeader("Idempotency-Key", equalTo("order-" + order + "-attempt-1")));

        String body = event("evt_ok_" + order, "payment_intent.succeeded", intent(pi, total, "succeeded", null));
        HttpResponse<String> r = webhook(body, signed(body));
        assertEquals(200, r.getStatus().getCode());
        assertTrue(r.body().contains("CONFIRMED"), r.body());
        Map<String, Object> paid = f.order(order);
        assertEquals("CONFIRMED", paid.get("state"));
        assertTrue(OrderFixture.events(paid).contains("PAID_BY_CARD"), OrderFixture.events(paid).toString());
        Map<?, ?> payment = (Map<?, ?>) paid.get("payment");
        assertEquals("CARD", payment.get("method"));
        assertEquals(pi, payment.get("reference"));
        assertEquals(total, ((Number) payment.get("amountFen")).longValue());
        assertEquals("STRIPE", jdbc.read(c -> Jdbc.one(c, "SELECT provider FROM payment_record WHERE order_id = ?",
                rs -> rs.getString(1), order)).orElseThrow());

        // Stripe delivers the same event again: 200, nothing recorded twice
        HttpResponse<String> duplicate = webhook(body, signed(body));
        assertEquals(200, duplicate.getStatus().getCode());
        assertTrue(duplicate.body().contains("DUPLICATE"), duplicate.body());
        assertEquals(1L, count("SELECT COUNT(*) FROM payment_record WHERE order_id = ?", order));
        assertEquals(1L, OrderFixture.events(f.order(order)).stream().filter("PAID_BY_CARD"::equals).count());
        // a paid order cannot be paid again
        assertEquals("409 ILLEGAL_TRANSITION", f.error(f.w.buyer, HttpRequest.POST("/api/v1/orders/" + order + "/card-payment",
                Map.of()).header("Idempotency-Key", "buyer-key-3")));
        Map<String, Object> after = f.cardPayment(f.w.financeX, order);
        assertEquals(total, ((Number) after.get("paidFen")).longValue());
        assertEquals("SUCCEEDED", attempts(after).get(0).get("status"));
    }

    @Test
    void aBadSignatureIsRefusedAndChangesNothing() throws Exception {
        long order = f.awaitingPayment();
        String pi = "pi_forged_" + order;
        stubCreate("order-" + order + "-attempt-1", pi, f.totalFen(order));
        start(order, "k-" + order, 201);
        String body = event("evt_forged_" + order, "payment_intent.succeeded", intent(pi, f.totalFen(order), "succeeded", null));
        String path = "/api/v1/payments/stripe/webhook";
        // signed with another secret; body changed after signing; stale timestamp; no signature at all
        assertEquals("400 SIGNATURE_INVALID", f.error(null, HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Stripe-Signature", sign(body, "whsec_someone_else", Instant.now().getEpochSecond()))));
        String tampered = body.replace("\"amount\":" + f.totalFen(order), "\"amount\":1");
        assertEquals("400 SIGNATURE_INVALID", f.error(null, HttpRequest.POST(path, tampered)
                .contentType(MediaType.APPLICATION_JSON_TYPE).header("Stripe-Signature", signed(body))));
        assertEquals("400 SIGNATURE_INVALID", f.error(null, HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Stripe-Signature", sign(body, WEBHOOK_SECRET, Instant.now().getEpochSecond() - 3600))));
        assertEquals("400 SIGNATURE_INVALID", f.error(null, HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON_TYPE)));
        assertEquals("AWAITING_PAYMENT", f.order(order).get("state"));
        assertEquals(0L, count("SELECT COUNT(*) FROM stripe_event WHERE event_id = ?", "evt_forged_" + order));
        assertEquals(0L, count("SELECT COUNT(*) FROM payment_record WHERE order_id = ?", order));
    }

    @Test
    void aDeclinedCardLeavesTheOrderAwaitingPaymentWithTheReasonAndTheBuyerTriesAgain() throws Exception {
        long order = f.awaitingPayment();
        long total = f.totalFen(order);
        String pi = "pi_declined_" + order;
        stubCreate("order-" + order + "-attempt-1", pi, total);
        start(order, "k1-" + order, 201);
        String error = "{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":\"insufficient_funds\","
                + "\"message\":\"Your card has insufficient funds.\"}";
        String body = event("evt_declined_" + order, "payment_intent.payment_failed",
                intent(pi, total, "requires_payment_method", error));
        assertEquals(200, webhook(body, signed(body)).getStatus().getCode());
        assertEquals("AWAITING_PAYMENT", f.order(order).get("state"));
        Map<String, Object> view = f.cardPayment(f.w.buyer, order);
        Map<String, Object> failed = attempts(view).get(0);
        assertEquals("FAILED", failed.get("status"));
        assertEquals("insufficient_funds", failed.get("failureCode"));
        assertEquals("Your card has insufficient funds.", failed.get("failureMessage"));
        assertEquals(true, view.get("canPayByCardNow"));
        assertEquals(0L, count("SELECT COUNT(*) FROM payment_record WHERE order_id = ?", order));

        // the next try is a new PaymentIntent under the next deterministic key
        stubCreate("order-" + order + "-attempt-2", pi + "_2", total);
        Map<String, Object> second = start(order, "k2-" + order, 201);
        assertEquals(2, ((Number) second.get("attemptNo")).intValue());
        assertEquals(pi + "_2", second.get("paymentIntentId"));
    }

    @Test
    void anAmountThatDoesNotFitNeverConfirmsTheOrderAndIsFlagged() throws Exception {
        long order = f.awaitingPayment();
        long total = f.totalFen(order);
        String pi = "pi_short_" + order;
        stubCreate("order-" + order + "-attempt-1", pi, total);
        start(order, "k-" + order, 201);
        String body = event("evt_short_" + order, "payment_intent.succeeded", intent(pi, total - 100, "succeeded", null));
        HttpResponse<String> r = webhook(body, signed(body));
        assertEquals(200, r.getStatus().getCode());
        assertTrue(r.body().contains("MISMATCH"), r.body());
        assertEquals("AWAITING_PAYMENT", f.order(order).get("state"));
        Map<String, Object> attempt = attempts(f.cardPayment(f.w.financeX, order)).get(0);
        assertEquals("MISMATCH", attempt.get("status"));
        assertTrue(((String) attempt.get("attention")).contains("NOT confirmed"), attempt.toString());
        assertEquals(0L, count("SELECT COUNT(*) FROM payment_record WHERE order_id = ?", order));
    }

    @Test
    void unknownEventTypesAreAcknowledged() throws Exception {
        String body = event("evt_customer_" + System.nanoTime(), "customer.created", "{\"id\":\"cus_1\",\"object\":\"customer\"}");
        HttpResponse<String> r = webhook(body, signed(body));
        assertEquals(200, r.getStatus().getCode());
        assertTrue(r.body().contains("IGNORED"), r.body());
    }

    @Test
    void refundsArePartialOrFullButNeverMoreThanPaid() throws Exception {
        long order = f.awaitingPayment();
        long total = f.totalFen(order);
        String pi = "pi_refund_" + order;
        payByCard(order, pi);
        assertEquals("CONFIRMED", f.order(order).get("state"));
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("order-" + order + "-refund-1"))
                .willReturn(okJson("{\"id\":\"re_1_" + order + "\",\"object\":\"refund\",\"amount\":10000,\"currency\":\"cny\","
                        + "\"payment_intent\":\"" + pi + "\",\"status\":\"succeeded\"}")));
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("order-" + order + "-refund-2"))
                .willReturn(okJson("{\"id\":\"re_2_" + order + "\",\"object\":\"refund\",\"amount\":" + (total - 10000)
                        + ",\"currency\":\"cny\",\"payment_intent\":\"" + pi + "\",\"status\":\"succeeded\"}")));
        String path = "/api/v1/orders/" + order + "/card-refunds";

        assertEquals("403 FORBIDDEN", f.error(f.w.technicianX, HttpRequest.POST(path, Map.of("amountFen", 10000, "reason", "x"))
                .header("Idempotency-Key", "r-0")));
        assertEquals("400 REASON_REQUIRED", f.error(f.w.financeX, HttpRequest.POST(path, Map.of("amountFen", 10000))
                .header("Idempotency-Key", "r-0")));
        assertEquals("422 REFUND_EXCEEDS_PAYMENT", f.error(f.w.financeX, HttpRequest.POST(path,
                Map.of("amountFen", total + 1, "reason", "多退")).header("Idempotency-Key", "r-0")));

        HttpResponse<Map> first = http.toBlocking().exchange(HttpRequest.POST(path, Map.of("amountFen", 10000,
                "reason", "仪器故障一小时")).header("Idempotency-Key", "r-1").bearerAuth(f.w.financeX), Map.class);
        assertEquals(201, first.getStatus().getCode());
        assertEquals("SUCCEEDED", first.body().get("status"));
        assertEquals("re_1_" + order, first.body().get("stripeRefundId"));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key",
                equalTo("order-" + order + "-refund-1")).withRequestBody(containing("amount=10000"))
                .withRequestBody(containing("payment_intent=" + pi)));
        // the same request again: the same refund, no second call to Stripe
        HttpResponse<Map> repeat = http.toBlocking().exchange(HttpRequest.POST(path, Map.of("amountFen", 10000,
                "reason", "仪器故障一小时")).header("Idempotency-Key", "r-1").bearerAuth(f.w.financeX), Map.class);
        assertEquals(200, repeat.getStatus().getCode());
        assertEquals(1, ((Number) repeat.body().get("refundNo")).intValue());
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key",
                equalTo("order-" + order + "-refund-1")));
        assertEquals("422 IDEMPOTENCY_KEY_REUSED", f.error(f.w.financeX, HttpRequest.POST(path,
                Map.of("amountFen", 500, "reason", "另一笔")).header("Idempotency-Key", "r-1")));
        assertEquals("422 REFUND_EXCEEDS_PAYMENT", f.error(f.w.managerX, HttpRequest.POST(path,
                Map.of("amountFen", total - 10000 + 1, "reason", "多退")).header("Idempotency-Key", "r-2")));

        // no amount = the rest
        Map<String, Object> rest = f.send(f.w.managerX, HttpRequest.POST(path, Map.of("reason", "订单取消，全额退回"))
                .header("Idempotency-Key", "r-3"));
        assertEquals(total - 10000, ((Number) rest.get("amountFen")).longValue());
        Map<String, Object> view = f.cardPayment(f.w.buyer, order);
        assertEquals(total, ((Number) view.get("refundedFen")).longValue());
        assertEquals(0L, ((Number) view.get("refundableFen")).longValue());
        assertEquals("订单取消，全额退回", ((List<Map<String, Object>>) view.get("refunds")).get(1).get("reason"));
        assertEquals("422 REFUND_EXCEEDS_PAYMENT", f.error(f.w.financeX, HttpRequest.POST(path, Map.of("amountFen", 1,
                "reason", "再退")).header("Idempotency-Key", "r-4")));
        assertEquals(total, count("SELECT SUM(amount_fen) FROM card_refund WHERE order_id = ? AND status = 'SUCCEEDED'", order));
    }

    private static String refundObject(String id, String pi, long amount, String status, long order, int no) {
        return "{\"id\":\"" + id + "\",\"object\":\"refund\",\"amount\":" + amount + ",\"currency\":\"cny\","
                + "\"payment_intent\":\"" + pi + "\",\"status\":\"" + status + "\",\"metadata\":{\"order_id\":\"" + order
                + "\",\"refund_no\":\"" + no + "\"}}";
    }

    private Map<String, Object> money(String token, long order) {
        return f.send(token, HttpRequest.GET("/api/v1/orders/" + order + "/money"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> listOf(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    private static long fen(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).longValue();
    }

    /** Net of the order's ledger entries on accounts of {@code type} (signed, debit > 0). */
    private long net(long order, String type) {
        return count("""
                SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e JOIN ledger_journal j ON j.id = e.journal_id
                JOIN ledger_account a ON a.id = e.account_id WHERE j.order_id = ? AND a.type = ?""", order, type);
    }

    @Test
    void aCardRefundOfACompletedOrderIsPostedOnceWhenStripeReportsItAndTakesBackFromTheShares() throws Exception {
        long order = f.awaitingPayment();
        long total = f.totalFen(order);
        String pi = "pi_ledger_" + order;
        payByCard(order, pi);
        f.send(f.w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-in", Map.of()));
        assertEquals("COMPLETED", f.send(f.w.technicianX, HttpRequest.POST("/api/v1/orders/" + order + "/check-out",
                Map.of())).get("state"));
        assertEquals(total, fen(money(f.w.financeX, order), "earnedFen"), "everything earned and split at completion");
        String path = "/api/v1/orders/" + order + "/card-refunds";

        // 1. Stripe takes the refund but reports it pending: nothing is posted yet, but its amount is spoken for
        String re1 = "re_ledger_1_" + order;
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("order-" + order + "-refund-1"))
                .willReturn(okJson(refundObject(re1, pi, 10_000, "pending", order, 1))));
        Map<String, Object> pending = f.send(f.w.financeX, HttpRequest.POST(path, Map.of("amountFen", 10_000,
                "reason", "仪器故障一小时，部分退款 one hour lost to a fault")).header("Idempotency-Key", "ledger-r1"));
        assertEquals("PENDING", pending.get("status"));
        assertEquals(false, pending.get("posted"));
        assertEquals(0L, fen(money(f.w.buyer, order), "refundedFen"), "not in the books until Stripe confirms");
        assertEquals(total - 10_000, fen(f.cardPayment(f.w.financeX, order), "refundableFen"));
        assertEquals("422 REFUND_EXCEEDS_PAYMENT", f.error(f.w.financeX, HttpRequest.POST(path, Map.of("amountFen",
                total - 10_000 + 1, "reason", "多退")).header("Idempotency-Key", "ledger-r-too-much")),
                "a refund under way counts against what is left");

        // 2. the webhook says it succeeded: posted once, with the reason, taken back from every share
        String body = event("evt_refund_ok_" + order, "refund.updated", refundObject(re1, pi, 10_000, "succeeded", order, 1));
        HttpResponse<String> r = webhook(body, signed(body));
        assertTrue(r.body().contains("REFUND_SUCCEEDED"), r.body());
        Map<String, Object> m = money(f.w.buyer, order);
        assertEquals(10_000L, fen(m, "refundedFen"));
        assertEquals(10_000L, fen(m, "refundedCashFen"));
        assertEquals(total - 10_000, fen(m, "refundableFen"));
        Map<String, Object> shown = listOf(m, "refunds").get(0);
        assertEquals("仪器故障一小时，部分退款 one hour lost to a fault", shown.get("reason"), "the buyer reads why");
        assertEquals("CARD", shown.get("method"));
        assertEquals(10_000L, fen(shown, "cashFen"));
        assertEquals(0L, fen(shown, "voucherFen"));
        assertEquals(0L, fen(m, "heldFen"), "BUYER_PREPAID of the order stays at zero, never below");
        assertEquals(0L, net(order, "BUYER_PREPAID"));
        assertEquals(total - 10_000, fen(m, "earnedFen"), "the shares gave back what the buyer got back");
        List<Map<String, Object>> journals = listOf(money(f.w.financeX, order), "journals");
        Map<String, Object> refundJournal = journals.get(journals.size() - 1);
        assertEquals("ORDER:" + order + ":CARD_REFUND:1", refundJournal.get("businessKey"));
        assertEquals(0L, listOf(refundJournal, "legs").stream().mapToLong(l -> fen(l, "amountFen")).sum(), "balanced");
        assertEquals(-10_000L, listOf(refundJournal, "legs").stream().filter(l -> "CARD_CLEARING".equals(l.get("type")))
                .mapToLong(l -> fen(l, "amountFen")).sum(), "the money left through the card clearing account");
        assertEquals(true, listOf(f.cardPayment(f.w.buyer, order), "refunds").get(0).get("posted"));

        // Stripe delivers it again, then sends another event about the same refund, then reconciliation runs: nothing twice
        assertTrue(webhook(body, signed(body)).body().contains("DUPLICATE"));
        String again = event("evt_refund_again_" + order, "refund.updated", refundObject(re1, pi, 10_000, "succeeded", order, 1));
        assertEquals(200, webhook(again, signed(again)).getStatus().getCode());
        jdbc.write(c -> Jdbc.update(c, "UPDATE card_refund SET created_at = created_at - INTERVAL 1 HOUR WHERE order_id = ?", order));
        reconciliation.reconcile();
        assertEquals(1L, count("SELECT COUNT(*) FROM ledger_journal WHERE business_key LIKE ?", "ORDER:" + order + ":CARD_REFUND:%"));
        assertEquals(1L, count("SELECT COUNT(*) FROM order_refund WHERE order_id = ?", order));
        assertEquals(10_000L, fen(money(f.w.buyer, order), "refundedFen"));

        // 3. the rest: Stripe answers pending and the webhook never comes; reconciliation finds it succeeded and posts it
        String re2 = "re_ledger_2_" + order;
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("order-" + order + "-refund-2"))
                .willReturn(okJson(refundObject(re2, pi, total - 10_000, "pending", order, 2))));
        stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/refunds/" + re2))
                .willReturn(okJson(refundObject(re2, pi, total - 10_000, "succeeded", order, 2))));
        Map<String, Object> rest = f.send(f.w.managerX, HttpRequest.POST(path, Map.of("reason", "投诉成立，余款退回"))
                .header("Idempotency-Key", "ledger-r2"));
        assertEquals(total - 10_000, fen(rest, "amountFen"), "no amount = all that is left");
        jdbc.write(c -> Jdbc.update(c, "UPDATE card_refund SET created_at = created_at - INTERVAL 1 HOUR WHERE order_id = ?", order));
        CardReconciliation.Result run = reconciliation.reconcile();
        assertTrue(run.refundsChecked() >= 1, run.toString());
        reconciliation.reconcile();
        m = money(f.w.buyer, order);
        assertEquals(total, fen(m, "refundedFen"));
        assertEquals(0L, fen(m, "refundableFen"));
        assertEquals(0L, fen(m, "earnedFen"), "every share given back");
        assertEquals(0L, net(order, "CARD_CLEARING"), "all the money that came in by card went back out");
        assertEquals(0L, net(order, "BUYER_PREPAID"));
        assertEquals(2L, count("SELECT COUNT(*) FROM order_refund WHERE order_id = ?", order));
        assertEquals(0L, fen(f.cardPayment(f.w.buyer, order), "refundableFen"));
        assertEquals("422 REFUND_EXCEEDS_PAYMENT", f.error(f.w.financeX, HttpRequest.POST(path, Map.of("amountFen", 1,
                "reason", "再退")).header("Idempotency-Key", "ledger-r3")));
        assertEquals("422 REFUND_METHOD_NOT_SUPPORTED", f.error(f.w.financeX, HttpRequest.POST("/api/v1/orders/" + order
                + "/refunds", Map.of("amountFen", 1, "reason", "bank")).header("Idempotency-Key", "ledger-bank")),
                "card payments are refunded through Stripe, not recorded as bank refunds");
    }

    @Test
    void aCardRefundOfAnOrderPaidPartByVoucherGivesBackCardAndVoucherInProportion() throws Exception {
        // a voucher programme for this instrument only, granted to the buyer: it pays half of the order
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Map<String, Object> programme = new HashMap<>();
        programme.put("name", "卡退款创新券 " + System.nanoTime());
        programme.put("type", "STANDARD");
        programme.put("budgetFen", 100_000_000);
        programme.put("validFrom", today.minusDays(30).toString());
        programme.put("validUntil", today.plusDays(300).toString());
        programme.put("regions", List.of("440300"));
        programme.put("acceptingRegions", List.of("GB-FIF"));
        programme.put("categories", List.of());
        programme.put("instrumentIds", List.of(Long.parseLong(f.instrument)));
        programme.put("coverBp", 5_000);
        programme.put("perOrderCapFen", 2_000_000);
        programme.put("yearlyCapFen", 10_000_000);
        long programmeId = fen(f.send(f.w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes", programme)), "id");
        f.send(f.w.fiscal, HttpRequest.POST("/api/v1/voucher-programmes/" + programmeId + "/grants",
                Map.of("enterpriseId", f.w.enterprise, "amountFen", 50_000_000)));
        long order = f.awaitingPayment();
        long total = f.totalFen(order);
        Map<?, ?> voucher = (Map<?, ?>) f.send(f.w.buyer, HttpRequest.POST("/api/v1/orders/" + order + "/checkout", Map.of()))
                .get("voucher");
        long voucherFen = fen(voucher, "voucherFen");
        long cash = fen(voucher, "cashDueFen");
        assertTrue(voucherFen > 0 && cash > 0 && voucherFen + cash == total, voucher.toString());
        String pi = "pi_voucher_" + order;
        stubCreate("order-" + order + "-attempt-1", pi, cash);
        start(order, "start-" + order, 201);
        String paidEvent = event("evt_paid_" + order, "payment_intent.succeeded", intent(pi, cash, "succeeded", null));
        webhook(paidEvent, signed(paidEvent));
        assertEquals("CONFIRMED", f.order(order).get("state"));
        long available = count("SELECT quota_fen - held_fen - captured_fen - expired_fen FROM voucher_grant "
                + "WHERE programme_id = ?", programmeId);
        String path = "/api/v1/orders/" + order + "/card-refunds";

        // part of it: card and voucher in proportion to what each paid
        long part = 1_001;
        long partCash = part * cash / total; // the exact share, rounded down; largest remainder may add the odd fen
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("order-" + order + "-refund-1"))
                .willReturn(okJson(refundObject("re_v1_" + order, pi, 0, "succeeded", order, 1))));
        Map<String, Object> first = f.send(f.w.financeX, HttpRequest.POST(path, Map.of("amountFen", part,
                "reason", "少用一刻钟 15 minutes unused")).header("Idempotency-Key", "voucher-r1"));
        long firstCash = fen(first, "amountFen");
        assertTrue(firstCash == partCash || firstCash == partCash + 1, first + " vs " + partCash);
        assertEquals(part, firstCash + fen(first, "voucherFen"), "the parts make the refund");
        assertEquals(part, fen(first, "totalFen"));
        stripe.verify(1, postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key",
                equalTo("order-" + order + "-refund-1")).withRequestBody(containing("amount=" + firstCash)));
        assertEquals(available + fen(first, "voucherFen"), count("SELECT quota_fen - held_fen - captured_fen - expired_fen "
                + "FROM voucher_grant WHERE programme_id = ?", programmeId), "the voucher part is back on the grant");

        // the rest: exactly what is left of each
        stripe.stubFor(post(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo("order-" + order + "-refund-2"))
                .willReturn(okJson(refundObject("re_v2_" + order, pi, 0, "succeeded", order, 2))));
        Map<String, Object> rest = f.send(f.w.managerX, HttpRequest.POST(path, Map.of("reason", "订单取消 order called off"))
                .header("Idempotency-Key", "voucher-r2"));
        assertEquals(cash - firstCash, fen(rest, "amountFen"));
        assertEquals(voucherFen - fen(first, "voucherFen"), fen(rest, "voucherFen"));
        Map<String, Object> m = money(f.w.buyer, order);
        assertEquals(cash, fen(m, "refundedCashFen"));
        assertEquals(voucherFen, fen(m, "refundedVoucherFen"));
        assertEquals(0L, fen(m, "refundableFen"));
        assertEquals(0L, fen(m, "heldFen"));
        assertEquals("订单取消 order called off", listOf(m, "refunds").get(1).get("reason"));
        assertEquals(0L, net(order, "VOUCHER_RECEIVABLE"), "the fiscal fund owes nothing for this order");
        assertEquals(0L, net(order, "CARD_CLEARING"));
        assertEquals(available + voucherFen, count("SELECT quota_fen - held_fen - captured_fen - expired_fen "
                + "FROM voucher_grant WHERE programme_id = ?", programmeId), "everything back on the grant");
        assertEquals("RELEASED", f.send(f.w.buyer, HttpRequest.GET("/api/v1/orders/" + order + "/voucher")).get("state"));
    }

    @Test
    void reconciliationAppliesWhatTheWebhookMissedAndRetriesAnUnansweredCreate() throws Exception {
        // 1. paid at Stripe, but the webhook never came
        long paidOrder = f.awaitingPayment();
        String pi = "pi_missed_" + paidOrder;
        stubCreate("order-" + paidOrder + "-attempt-1", pi, f.totalFen(paidOrder));
        start(paidOrder, "k-" + paidOrder, 201);
        stripe.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/v1/payment_intents/" + pi)).willReturn(okJson(intent(pi, f.totalFen(paidOrder),
                "succeeded", null))));
        // 2. Stripe never answered the create call: the buyer gets 503 and the attempt is UNKNOWN
        long lostOrder = f.awaitingPayment();
        String lostKey = "order-" + lostOrder + "-attempt-1";
        stripe.stubFor(post(urlEqualTo("/v1/payment_intents")).withHeader("Idempotency-Key", equalTo(lostKey))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertEquals("503 CARD_PROVIDER_UNAVAILABLE", f.error(f.w.buyer, HttpRequest.POST("/api/v1/orders/" + lostOrder
                + "/card-payment", Map.of()).header("Idempotency-Key", "lost")));
        Map<String, Object> lost = attempts(f.cardPayment(f.w.buyer, lostOrder)).get(0);
        assertEquals("UNKNOWN", lost.get("status"));
        assertNull(lost.get("paymentIntentId"));

        // young attempts are left alone
        reconciliation.reconcile();
        assertEquals("AWAITING_PAYMENT", f.order(paidOrder).get("state"));
        stripe.verify(0, getRequestedFor(urlEqualTo("/v1/payment_intents/" + pi)));

        jdbc.write(c -> Jdbc.update(c, "UPDATE card_payment_attempt SET created_at = created_at - INTERVAL 1 HOUR "
                + "WHERE order_id IN (?, ?)", paidOrder, lostOrder));
        stubCreate(lostKey, "pi_found_" + lostOrder, f.totalFen(lostOrder)); // Stripe answers again
        CardReconciliation.Result r = reconciliation.reconcile();
        assertTrue(r.confirmed() >= 1 && r.stillOpen() >= 1, r.toString());
        Map<String, Object> paid = f.order(paidOrder);
        assertEquals("CONFIRMED", paid.get("state"));
        assertEquals("CARD", ((Map<?, ?>) paid.get("payment")).get("method"));
        Map<String, Object> found = attempts(f.cardPayment(f.w.buyer, lostOrder)).get(0);
        assertEquals("PENDING", found.get("status"));
        assertEquals("pi_found_" + lostOrder, found.get("paymentIntentId"));
        assertNotNull(start(lostOrder, "after", 200).get("clientSecret"), "the buyer now gets the found PaymentIntent");

        // again: nothing changes twice; a late webhook for the same payment is harmless too
        reconciliation.reconcile();
        String body = event("evt_late_" + paidOrder, "payment_intent.succeeded", intent(pi, f.totalFen(paidOrder), "succeeded", null));
        HttpResponse<String> late = webhook(body, signed(body));
        assertTrue(late.body().contains("ALREADY_FINAL"), late.body());
        assertEquals(1L, count("SELECT COUNT(*) FROM payment_record WHERE order_id = ?", paidOrder));
        assertEquals(1L, OrderFixture.events(f.order(paidOrder)).stream().filter("PAID_BY_CARD"::equals).count());
    }
}
