package cn.dayi.ops.payout;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Transfer;
import com.stripe.net.RequestOptions;
import com.stripe.param.TransferCreateParams;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Locale;

/**
 * Stripe Connect transfers to connected accounts, through one {@link StripeClient} of its own built from the same
 * properties as card payments: {@code stripe.secret-key} ({@code STRIPE_SECRET_KEY}) and {@code stripe.api-base}
 * ({@code STRIPE_API_BASE}, tests: WireMock). Transfers need only the secret key (no webhook): without it
 * {@link #configured()} is false and payouts go into the bank payout file instead.
 *
 * <p>Every create carries the deterministic idempotency key it is given, so asking again after no answer returns
 * the transfer Stripe made the first time instead of paying twice.
 */
@Singleton
class StripeTransfers {

    /** No answer, or an answer that does not say what happened (5xx, rate limit, key in flight): ask again later with the same key. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(Throwable cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    /** Stripe answered and refused; {@link #getMessage()} is Stripe's reason, {@link #code} its error code (may be null). */
    static final class Refused extends RuntimeException {
        final String code;

        Refused(StripeException e) {
            super(e.getStripeError() != null && e.getStripeError().getMessage() != null ? e.getStripeError().getMessage()
                    : e.getMessage(), e);
            this.code = e.getCode();
        }
    }

    /** What a payout sends. Amount in fen. */
    record Request(long payoutId, long statementId, long partyId, String period, long amountFen, String currency,
                   String destination, String idempotencyKey) {
    }

    private final StripeClient client;

    StripeTransfers(@Value("${stripe.secret-key:}") String secretKey, @Value("${stripe.api-base:}") String apiBase) {
        if (secretKey == null || secretKey.isBlank()) {
            this.client = null;
            return;
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder().setApiKey(secretKey.strip())
                .setMaxNetworkRetries(1).setConnectTimeout(10_000).setReadTimeout(30_000);
        if (apiBase != null && !apiBase.isBlank()) {
            builder.setApiBase(apiBase.strip());
        }
        this.client = builder.build();
    }

    /** True when a Stripe secret key is configured. */
    boolean configured() {
        return client != null;
    }

    /**
     * Creates the transfer (amount in fen, {@code transfer_group} = the period, metadata payout / statement / party).
     *
     * @return Stripe's transfer id ({@code tr_…})
     * @throws NoAnswer when the outcome is unknown
     * @throws Refused  when Stripe refused (nothing was transferred)
     */
    String create(Request r) {
        if (client == null) {
            throw new IllegalStateException("Stripe is not configured");
        }
        TransferCreateParams params = TransferCreateParams.builder().setAmount(r.amountFen())
                .setCurrency(r.currency().toLowerCase(Locale.ROOT)).setDestination(r.destination())
                .setTransferGroup(r.period()).setDescription("Dayi settlement " + r.period() + " statement " + r.statementId())
                .putMetadata("payout_id", Long.toString(r.payoutId()))
                .putMetadata("statement_id", Long.toString(r.statementId()))
                .putMetadata("party_id", Long.toString(r.partyId()))
                .putMetadata("period", r.period()).build();
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(r.idempotencyKey()).build();
        try {
            Transfer t = client.v1().transfers().create(params, options);
            if (t == null || t.getId() == null) {
                throw new NoAnswer(new IllegalStateException("Stripe answered without a transfer id"));
            }
            return t.getId();
        } catch (ApiConnectionException | com.stripe.exception.ApiException | RateLimitException | IdempotencyException e) {
            throw new NoAnswer(e);
        } catch (StripeException e) {
            throw new Refused(e);
        } catch (RuntimeException e) {
            if (e instanceof NoAnswer) {
                throw e;
            }
            throw new NoAnswer(e); // e.g. an answer that could not be read: what happened is not known
        }
    }
}
