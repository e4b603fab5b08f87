package cn.dayi.marketplace.payment;

import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.OrderTransitioned;
import com.stripe.model.PaymentIntent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PaymentIntent's state means for its attempt and its order: the ONE effect that the webhook
 * and reconciliation both apply, inside their transaction, idempotently (the attempt row is locked,
 * and a SUCCEEDED or MISMATCH attempt is never changed again).
 * <ul>
 *   <li>succeeded, amount and currency as asked and still the order's amount due in cash → attempt
 *       SUCCEEDED, {@code payment_record} (method CARD, provider STRIPE, reference = PaymentIntent id)
 *       and the order AWAITING_PAYMENT → CONFIRMED through the transition table (event PAID_BY_CARD)</li>
 *   <li>succeeded but another amount or currency → attempt MISMATCH with {@code attention}; the order
 *       is NOT confirmed</li>
 *   <li>succeeded but the order no longer awaits payment (expired, cancelled, paid by bank transfer
 *       meanwhile) → attempt SUCCEEDED with {@code attention} (money to refund); the order is untouched</li>
 *   <li>payment failed → attempt FAILED with Stripe's code and message (the buyer sees them); the
 *       order still awaits payment and the buyer may try again</li>
 *   <li>canceled → attempt CANCELED; anything else (processing, requires_action …) → PENDING</li>
 * </ul>
 */
@Singleton
class IntentEffects {

    private static final Logger LOG = LoggerFactory.getLogger(IntentEffects.class);

    /** What Stripe says of a PaymentIntent. {@code status} is Stripe's, or {@code failed} for payment_failed events. */
    record Snapshot(String intentId, long amountFen, String currency, String status, String failureCode,
                    String failureMessage) {

        static Snapshot of(PaymentIntent pi, boolean failedEvent) {
            String code = null;
            String message = null;
            if (pi.getLastPaymentError() != null) {
                code = pi.getLastPaymentError().getDeclineCode() != null ? pi.getLastPaymentError().getDeclineCode()
                        : pi.getLastPaymentError().getCode();
                message = pi.getLastPaymentError().getMessage();
            }
            String status = failedEvent ? "failed" : pi.getStatus();
            if ("requires_payment_method".equals(status) && message != null) {
                status = "failed"; // Stripe's state after a declined try
            }
            return new Snapshot(pi.getId(), pi.getAmount() == null ? -1 : pi.getAmount(),
                    pi.getCurrency() == null ? "" : pi.getCurrency().toUpperCase(Locale.ROOT), status, code, message);
        }
    }

    /** What applying did: CONFIRMED, FAILED, CANCELED, STILL_OPEN, MISMATCH, PAID_ORDER_NOT_AWAITING, ALREADY_FINAL, UNKNOWN_INTENT. */
    record Outcome(String name, Optional<OrderTransitioned> moved) {
        static Outcome of(String name) {
            return new Outcome(name, Optional.empty());
        }
    }

    private final Bookings bookings;
    private final AmountDue amountDue;

    IntentEffects(Bookings bookings, AmountDue amountDue) {
        this.bookings = bookings;
        this.amountDue = amountDue;
    }

    Outcome apply(Connection c, Snapshot s, Instant now) throws SQLException {
        Optional<CardPaymentStore.Attempt> found = CardPaymentStore.byIntentForUpdate(c, s.intentId());
        if (found.isEmpty()) {
            LOG.warn("Stripe reported PaymentIntent {} which no card payment attempt here created; ignored", s.intentId());
            return Outcome.of("UNKNOWN_INTENT");
        }
        CardPaymentStore.Attempt a = found.get();
        if (a.status().equals("SUCCEEDED") || a.status().equals("MISMATCH")) {
            return Outcome.of("ALREADY_FINAL");
        }
        switch (s.status()) {
            case "succeeded" -> {
                return succeeded(c, a, s, now);
            }
            case "failed" -> {
                CardPaymentStore.status(c, a.id(), "FAILED", s.failureCode(), s.failureMessage() != null ? s.failureMessage()
                        : "The payment did not go through; try again or pay by bank transfer.", null, now);
                return Outcome.of("FAILED");
            }
            case "canceled" -> {
                CardPaymentStore.status(c, a.id(), "CANCELED", null, "The payment was cancelled before it was made.", null, now);
                return Outcome.of("CANCELED");
            }
            default -> {
                if (!a.status().equals("PENDING")) {
                    CardPaymentStore.status(c, a.id(), "PENDING", null, null, null, now);
                }
                return Outcome.of("STILL_OPEN");
            }
        }
    }

    private Outcome succeeded(Connection c, CardPaymentStore.Attempt a, Snapshot s, Instant now) throws SQLException {
        if (s.amountFen() != a.amountFen() || !s.currency().equalsIgnoreCase(a.currency())) {
            return mismatch(c, a, now, "Stripe reports " + s.amountFen() + " " + s.currency() + " (minor units) received for "
                    + s.intentId() + " but " + a.amountFen() + " " + a.currency() + " was asked; the order was NOT confirmed. "
                    + "Check the payment in Stripe and refund or settle it by hand.");
        }
        long due = amountDue.inCashFen(c, a.orderId());
        if (due != a.amountFen()) {
            return mismatch(c, a, now, "Stripe received " + s.amountFen() + " fen for " + s.intentId() + " but the order now "
                    + "owes " + due + " fen in cash; the order was NOT confirmed. Refund the payment and let the buyer pay again.");
        }
        Optional<OrderTransitioned> moved = bookings.moveByProvider(c, a.orderId(), Command.PAY_BY_CARD,
                "Stripe PaymentIntent " + s.intentId(), now, cc -> CardPaymentStore.paymentRecord(cc, a, s.amountFen(),
                        a.currency(), now));
        if (moved.isEmpty()) {
            String state = jdbcState(c, a.orderId());
            String note = "Money arrived (" + s.amountFen() + " fen, " + s.intentId() + ") while the order was " + state
                    + ", so it did not confirm the order; refund it.";
            LOG.warn("Card payment attempt {} of order {}: {}", a.attemptNo(), a.orderId(), note);
            CardPaymentStore.status(c, a.id(), "SUCCEEDED", null, null, note, now);
            return Outcome.of("PAID_ORDER_NOT_AWAITING");
        }
        CardPaymentStore.status(c, a.id(), "SUCCEEDED", null, null, null, now);
        return new Outcome("CONFIRMED", moved);
    }

    private static Outcome mismatch(Connection c, CardPaymentStore.Attempt a, Instant now, String note) throws SQLException {
        LOG.warn("Card payment attempt {} of order {}: {}", a.attemptNo(), a.orderId(), note);
        CardPaymentStore.status(c, a.id(), "MISMATCH", null, null, note, now);
        return Outcome.of("MISMATCH");
    }

    private static String jdbcState(Connection c, long orderId) throws SQLException {
        return cn.dayi.marketplace.db.Jdbc.one(c, "SELECT state FROM service_order WHERE id = ?", rs -> rs.getString(1), orderId)
                .orElse("gone");
    }
}
