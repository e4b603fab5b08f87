package cn.dayi.marketplace.payment;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The Stripe API through one {@link StripeClient} instance (no global statics), built from
 * {@link StripeSettings}; every write carries the deterministic idempotency key it is given, so a
 * retried call (by stripe-java's own network retries, by a repeated request or by reconciliation)
 * returns the first answer instead of charging or refunding twice.
 */
@Singleton
class StripeGateway {

    /** A call whose outcome is unknown (no answer): retry it later with the same idempotency key. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Stripe answered and refused; {@link #getMessage()} says why. */
    static final class Refused extends RuntimeException {
        final String code;

        Refused(StripeException e) {
            super(e.getStripeError() != null && e.getStripeError().getMessage() != null ? e.getStripeError().getMessage()
                    : e.getMessage(), e);
            this.code = e.getCode();
        }
    }

    private final StripeClient client;

    StripeGateway(StripeSettings settings) {
        if (settings.secretKey().isEmpty()) {
            this.client = null;
            return;
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(settings.secretKey().get())
                .setMaxNetworkRetries(2).setConnectTimeout(10_000).setReadTimeout(30_000);
        settings.apiBase().ifPresent(builder::setApiBase);
        this.client = builder.build();
    }

    PaymentIntent createIntent(long orderId, int attemptNo, long amountFen, String currency, List<String> types,
                               String idempotencyKey) {
        PaymentIntentCreateParams.Builder p = PaymentIntentCreateParams.builder().setAmount(amountFen)
                .setCurrency(currency.toLowerCase(java.util.Locale.ROOT))
                .setDescription("Dayi order " + orderId)
                .putMetadata("order_id", Long.toString(orderId))
                .putMetadata("attempt_no", Integer.toString(attemptNo));
        types.forEach(p::addPaymentMethodType);
        return call(() -> client().v1().paymentIntents().create(p.build(), key(idempotencyKey)));
    }

    PaymentIntent retrieveIntent(String intentId) {
        return call(() -> client().v1().paymentIntents().retrieve(intentId));
    }

    Refund refund(String intentId, long amountFen, long orderId, int refundNo, String idempotencyKey) {
        RefundCreateParams p = RefundCreateParams.builder().setPaymentIntent(intentId).setAmount(amountFen)
                .putMetadata("order_id", Long.toString(orderId)).putMetadata("refund_no", Integer.toString(refundNo))
                .build();
        return call(() -> client().v1().refunds().create(p, key(idempotencyKey)));
    }

    Refund retrieveRefund(String refundId) {
        return call(() -> client().v1().refunds().retrieve(refundId));
    }

    private StripeClient client() {
        if (client == null) {
            throw new IllegalStateException("Stripe is not configured");
        }
        return client;
    }

    private static RequestOptions key(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws StripeException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (ApiConnectionException e) {
            throw new NoAnswer(e);
        } catch (com.stripe.exception.ApiException e) {
            // Stripe's own 5xx: the outcome is not known either
            throw new NoAnswer(e);
        } catch (StripeException e) {
            throw new Refused(e);
        }
    }
}
