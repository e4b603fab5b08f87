package cn.dayi.marketplace.payment;

import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.db.Jdbc;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repairs card payments that Stripe's webhook did not settle (Kill Bill's janitor): every attempt
 * still PENDING or UNKNOWN after {@code stripe.reconcile-after-minutes} is asked about and gets
 * exactly the effect the webhook would have had ({@link IntentEffects}, idempotent under the
 * attempt's row lock, so a webhook arriving at the same time changes nothing twice). An UNKNOWN
 * attempt (Stripe never answered its create call) is created again with its own idempotency key:
 * Stripe returns the PaymentIntent it made the first time, or makes it now.
 *
 * <p>{@link #reconcile()} is the one use-case method a scheduler calls: the {@code card-reconciliation}
 * Quartz job of the {@code ops} module, hourly at :15.
 */
@Singleton
public class CardReconciliation {

    private static final Logger LOG = LoggerFactory.getLogger(CardReconciliation.class);
    private static final int BATCH = 500;

    /**
     * What one run did.
     *
     * @param checked   attempts asked about
     * @param confirmed orders confirmed by a payment found
     * @param failed    attempts found failed or cancelled
     * @param flagged   payments found that did not fit their order (mismatch, order no longer awaiting payment)
     * @param stillOpen attempts Stripe still has open (the buyer has not paid yet)
     * @param errors    attempts and refunds Stripe did not answer about (tried again next run)
     * @param refundsChecked card refunds still REQUESTED or PENDING that were asked about (a SUCCEEDED one is posted to
     *                       the ledger once, as the webhook would)
     */
    @Serdeable
    public record Result(int checked, int confirmed, int failed, int flagged, int stillOpen, int errors, int refundsChecked) {
    }

    private final Jdbc jdbc;
    private final StripeSettings settings;
    private final StripeGateway stripe;
    private final IntentEffects effects;
    private final Bookings bookings;
    private final CardPayments payments;
    private final Clock clock;

    CardReconciliation(Jdbc jdbc, StripeSettings settings, StripeGateway stripe, IntentEffects effects, Bookings bookings,
                       CardPayments payments, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.stripe = stripe;
        this.effects = effects;
        this.bookings = bookings;
        this.payments = payments;
        this.clock = clock;
    }

    /** Reconciles the open attempts older than the configured age; nothing when Stripe is not configured. Idempotent. */
    public Result reconcile() {
        if (!settings.available()) {
            return new Result(0, 0, 0, 0, 0, 0, 0);
        }
        Instant before = clock.instant().minus(settings.reconcileAfter());
        List<Long> ids = jdbc.read(c -> CardPaymentStore.openBefore(c, before, BATCH));
        int confirmed = 0;
        int failed = 0;
        int flagged = 0;
        int open = 0;
        int errors = 0;
        for (long id : ids) {
            try {
                String outcome = one(id);
                switch (outcome) {
                    case "CONFIRMED" -> confirmed++;
                    case "FAILED", "CANCELED" -> failed++;
                    case "MISMATCH", "PAID_ORDER_NOT_AWAITING" -> flagged++;
                    case "STILL_OPEN" -> open++;
                    default -> { }
                }
            } catch (StripeGateway.NoAnswer | StripeGateway.Refused e) {
                errors++;
                LOG.warn("Reconciliation could not ask Stripe about card payment attempt {}: {}", id, e.getMessage());
            }
        }
        List<Long> refundIds = jdbc.read(c -> CardPaymentStore.openRefundsBefore(c, before, BATCH));
        for (long id : refundIds) {
            try {
                CardPaymentStore.RefundRow row = jdbc.read(c -> CardPaymentStore.refundById(c, id)).orElseThrow();
                // REQUESTED: Stripe never answered; asking again with the same key returns the refund it made, or makes it
                Refund refund = row.stripeRefundId() == null ? payments.sendToStripe(row) : stripe.retrieveRefund(row.stripeRefundId());
                payments.answered(row, refund);
            } catch (StripeGateway.NoAnswer | StripeGateway.Refused e) {
                errors++;
                LOG.warn("Reconciliation could not ask Stripe about card refund {}: {}", id, e.getMessage());
            }
        }
        Result r = new Result(ids.size(), confirmed, failed, flagged, open, errors, refundIds.size());
        if (!ids.isEmpty() || !refundIds.isEmpty()) {
            LOG.info("Card payment reconciliation: {}", r);
        }
        return r;
    }

    private String one(long attemptId) {
        CardPaymentStore.Attempt a = jdbc.read(c -> CardPaymentStore.byId(c, attemptId)).orElseThrow();
        PaymentIntent pi = a.intentId() == null
                ? stripe.createIntent(a.orderId(), a.attemptNo(), a.amountFen(), a.currency(),
                List.of(a.paymentMethodTypes().split(",")), a.idempotencyKey())
                : stripe.retrieveIntent(a.intentId());
        Instant now = clock.instant();
        IntentEffects.Outcome outcome = jdbc.write(c -> {
            CardPaymentStore.Attempt locked = CardPaymentStore.byIdForUpdate(c, attemptId).orElseThrow();
            if (locked.intentId() == null) {
                CardPaymentStore.created(c, attemptId, pi.getId(), pi.getClientSecret(), "PENDING", now);
            }
            return effects.apply(c, IntentEffects.Snapshot.of(pi, false), now);
        });
        outcome.moved().ifPresent(bookings::announce);
        return outcome.name();
    }
}
