package cn.dayi.marketplace.payment;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A card payment begun (or the one already under way, when asked again): hand {@code clientSecret}
 * to Stripe.js ({@code stripe.confirmPayment}) in the buyer's browser. The order becomes CONFIRMED
 * when Stripe reports the payment (webhook), not when this answer arrives.
 *
 * @param attemptNo          1, 2, … per order
 * @param paymentIntentId    Stripe's PaymentIntent id, {@code pi_…}
 * @param clientSecret       the PaymentIntent's client secret (do not log it)
 * @param amountFen          amount charged, fen (the order's amount due in cash)
 * @param currency           {@code CNY}
 * @param paymentMethodTypes {@code card}, plus {@code alipay} / {@code wechat_pay} when configured
 * @param status             the attempt's status, PENDING
 */
@Serdeable
public record CardPaymentStarted(long orderId, int attemptNo, String paymentIntentId, String clientSecret, long amountFen,
                                 String currency, List<String> paymentMethodTypes, String status) {
}
