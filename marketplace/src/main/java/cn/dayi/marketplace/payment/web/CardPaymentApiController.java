package cn.dayi.marketplace.payment.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.payment.CardPaymentStarted;
import cn.dayi.marketplace.payment.CardPaymentView;
import cn.dayi.marketplace.payment.CardPayments;
import cn.dayi.marketplace.payment.CardRefundRequest;
import cn.dayi.marketplace.payment.StripeWebhooks;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;

/**
 * Card payments (Stripe). Money is fen (CNY minor units); times are UTC instants; errors are problem
 * JSON with the codes listed on {@link CardPayments} and {@link StripeWebhooks}.
 * <ul>
 *   <li>{@code GET /api/v1/orders/{id}/card-payment} (anyone who sees the order) → {@link CardPaymentView}:
 *       {@code cardPaymentAvailable} (+ {@code unavailableReason} when Stripe is not configured), amount due,
 *       attempts with the reason of a failure, refunds and what is still refundable</li>
 *   <li>{@code POST /api/v1/orders/{id}/card-payment}, header {@code Idempotency-Key} (a BUYER_MEMBER of the
 *       buyer; the order AWAITING_PAYMENT) → 201 {@link CardPaymentStarted} with the PaymentIntent's client
 *       secret, or 200 with the payment already under way; 422 {@code CARD_PAYMENT_UNAVAILABLE} says why card
 *       payment is off (bank transfer still works)</li>
 *   <li>{@code POST /api/v1/orders/{id}/card-refunds} {@link CardRefundRequest} {@code {amountFen?, reason}},
 *       header {@code Idempotency-Key} (the serving operator's manager or finance staff, platform admins) →
 *       201 {@link CardPaymentView.Refund} (200 when the key was used before: the same refund); 422
 *       {@code REFUND_EXCEEDS_PAYMENT}, {@code NOT_PAID_BY_CARD}</li>
 *   <li>{@code POST /api/v1/payments/stripe/webhook} (public; Stripe calls it, the {@code Stripe-Signature}
 *       header is checked on the raw body) → 200 {@link StripeWebhooks.Receipt}; 400 {@code SIGNATURE_INVALID}</li>
 * </ul>
 * The generic {@code Idempotency-Key} store-and-replay filter (being built separately) wraps the two
 * buyer/operator POSTs here; until then the use cases are idempotent by themselves (see {@link CardPayments}).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Payments", description = "Card payments through Stripe")
public class CardPaymentApiController {

    private final ActorResolver actors;
    private final CardPayments payments;
    private final StripeWebhooks webhooks;

    public CardPaymentApiController(ActorResolver actors, CardPayments payments, StripeWebhooks webhooks) {
        this.actors = actors;
        this.payments = payments;
        this.webhooks = webhooks;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/orders/{id}/card-payment")
    public CardPaymentView view(@Nullable Authentication auth, @PathVariable long id) {
        return payments.view(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/orders/{id}/card-payment")
    public HttpResponse<CardPaymentStarted> start(@Nullable Authentication auth, @PathVariable long id,
                                                  @Nullable @Header("Idempotency-Key") String idempotencyKey) {
        CardPayments.Started s = payments.start(actors.require(auth), id, idempotencyKey);
        return s.created() ? HttpResponse.created(s.payment()) : HttpResponse.ok(s.payment());
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/orders/{id}/card-refunds")
    public HttpResponse<CardPaymentView.Refund> refund(@Nullable Authentication auth, @PathVariable long id,
                                                       @Nullable @Header("Idempotency-Key") String idempotencyKey,
                                                       @Nullable @Body CardRefundRequest body) {
        CardPayments.RefundResult r = payments.refund(actors.require(auth), id, idempotencyKey, body);
        return r.created() ? HttpResponse.created(r.refund()) : HttpResponse.ok(r.refund());
    }

    /** Stripe's webhook: the body is taken as raw bytes, exactly as signed. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/payments/stripe/webhook")
    @Consumes(MediaType.ALL)
    public StripeWebhooks.Receipt webhook(@Nullable @Header("Stripe-Signature") String signature,
                                          @Nullable @Body byte[] body) {
        return webhooks.receive(body == null ? null : new String(body, StandardCharsets.UTF_8), signature);
    }
}
