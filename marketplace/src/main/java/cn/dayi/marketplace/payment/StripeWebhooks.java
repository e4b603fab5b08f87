package cn.dayi.marketplace.payment;

import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's webhook: checks the {@code Stripe-Signature} header against the RAW request body with
 * stripe-java's {@link Webhook#constructEvent} (HMAC-SHA256 with the endpoint secret, at most 5
 * minutes old), then, in ONE transaction, inserts the event id into {@code stripe_event} (primary
 * key) and applies its effect ({@link IntentEffects}): a redelivered event fails on the key and
 * changes nothing; an effect that fails rolls the event row back too, so Stripe's next delivery
 * tries again.
 *
 * <p>Handled: {@code payment_intent.succeeded} (order CONFIRMED), {@code payment_intent.payment_failed}
 * (attempt FAILED, with the reason), {@code payment_intent.canceled}, {@code payment_intent.processing},
 * {@code refund.updated} / {@code refund.failed} (refund status; a refund that SUCCEEDED is posted to the ledger
 * once, see {@link CardPayments#refund}). Other types are remembered and ignored.
 *
 * <p>Answers: 200 {@link Receipt} (also for duplicates, outcome {@code DUPLICATE}, and ignored types,
 * {@code IGNORED}); 400 {@code SIGNATURE_INVALID} (missing, wrong or stale signature, or a body that is
 * not an event); 422 {@code CARD_PAYMENT_UNAVAILABLE} when no webhook secret is configured.
 */
@Singleton
public class StripeWebhooks {

    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhooks.class);
    /** How old a signature may be, seconds (Stripe's default). */
    static final long TOLERANCE_SECONDS = 300;

    /** What the webhook did with an event. */
    @Serdeable
    public record Receipt(String eventId, String type, String outcome) {
    }

    private final Jdbc jdbc;
    private final StripeSettings settings;
    private final IntentEffects effects;
    private final Bookings bookings;
    private final CardPayments payments;
    private final Clock clock;

    StripeWebhooks(Jdbc jdbc, StripeSettings settings, IntentEffects effects, Bookings bookings, CardPayments payments,
                   Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.effects = effects;
        this.bookings = bookings;
        this.payments = payments;
        this.clock = clock;
    }

    /**
     * @param payload   the request body exactly as received (UTF-8)
     * @param signature the {@code Stripe-Signature} header ({@code t=…,v1=…})
     */
    public Receipt receive(String payload, String signature) {
        String secret = settings.webhookSecret().orElseThrow(() -> new ApiException.RuleViolation(
                HttpStatus.UNPROCESSABLE_ENTITY, "CARD_PAYMENT_UNAVAILABLE", settings.unavailableReason().orElseThrow()));
        if (signature == null || signature.isBlank() || payload == null) {
            throw badSignature("The Stripe-Signature header is missing.");
        }
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException e) {
            throw badSignature("The Stripe-Signature does not match the body (" + e.getMessage() + ").");
        } catch (RuntimeException e) { // JsonSyntaxException and the like: signed, but not an event
            throw badSignature("The body is not a Stripe event.");
        }
        String type = event.getType() == null ? "" : event.getType();
        Instant now = clock.instant();
        try {
            return switch (type) {
                case "payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled",
                     "payment_intent.processing" -> intent(event, type, now);
                case "refund.updated", "refund.failed" -> refund(event, type, now);
                default -> jdbc.write(c -> {
                    CardPaymentStore.event(c, event.getId(), type, null, "IGNORED", now);
                    return new Receipt(event.getId(), type, "IGNORED");
                });
            };
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("PRIMARY")) {
                return new Receipt(event.getId(), type, "DUPLICATE");
            }
            throw e;
        }
    }

    private Receipt intent(Event event, String type, Instant now) {
        PaymentIntent pi = (PaymentIntent) object(event);
        IntentEffects.Snapshot s = IntentEffects.Snapshot.of(pi, type.equals("payment_intent.payment_failed"));
        IntentEffects.Outcome outcome = jdbc.write(c -> {
            CardPaymentStore.event(c, event.getId(), type, pi.getId(), "APPLYING", now);
            IntentEffects.Outcome o = effects.apply(c, s, now);
            CardPaymentStore.eventOutcome(c, event.getId(), o.name());
            return o;
        });
        outcome.moved().ifPresent(bookings::announce);
        LOG.info("Stripe event {} ({}) for {}: {}", event.getId(), type, pi.getId(), outcome.name());
        return new Receipt(event.getId(), type, outcome.name());
    }

    private Receipt refund(Event event, String type, Instant now) {
        Refund r = (Refund) object(event);
        String status = type.equals("refund.failed") ? "FAILED" : CardPayments.refundStatus(r.getStatus());
        Optional<CardPaymentStore.RefundRow> row = jdbc.read(c -> ours(c, r));
        Receipt receipt = jdbc.write(c -> {
            CardPaymentStore.event(c, event.getId(), type, r.getId(), "APPLYING", now); // first: a redelivery stops here
            String outcome = row.isEmpty() ? "UNKNOWN_REFUND" : "REFUND_" + payments.applyStatus(c, row.get().orderId(),
                    row.get().id(), r.getId(), status, r.getFailureReason(), now);
            CardPaymentStore.eventOutcome(c, event.getId(), outcome);
            return new Receipt(event.getId(), type, outcome);
        });
        LOG.info("Stripe event {} ({}) for {}: {}", event.getId(), type, r.getId(), receipt.outcome());
        return receipt;
    }

    /** Our refund row for Stripe's refund: by its id, or (before its id was recorded) by the metadata we sent. */
    private static Optional<CardPaymentStore.RefundRow> ours(Connection c, Refund r) throws SQLException {
        Optional<CardPaymentStore.RefundRow> byId = CardPaymentStore.refundByStripeId(c, r.getId());
        if (byId.isPresent() || r.getMetadata() == null) {
            return byId;
        }
        try {
            long order = Long.parseLong(r.getMetadata().getOrDefault("order_id", ""));
            int no = Integer.parseInt(r.getMetadata().getOrDefault("refund_no", ""));
            Optional<Long> id = Jdbc.one(c, "SELECT id FROM card_refund WHERE order_id = ? AND refund_no = ? "
                    + "AND stripe_refund_id IS NULL", rs -> rs.getLong(1), order, no);
            return id.isPresent() ? CardPaymentStore.refundById(c, id.get()) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The event's object; events of another API version than stripe-java's are read leniently. */
    private static StripeObject object(Event event) {
        return event.getDataObjectDeserializer().getObject().orElseGet(() -> {
            try {
                return event.getDataObjectDeserializer().deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                throw badSignature("The event's object cannot be read: " + e.getMessage());
            }
        });
    }

    private static ApiException badSignature(String message) {
        return new ApiException.ValidationFailed("Stripe-Signature", "SIGNATURE_INVALID", message);
    }
}
