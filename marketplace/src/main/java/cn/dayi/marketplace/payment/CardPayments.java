package cn.dayi.marketplace.payment;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Card payments of service orders through Stripe: the buyer starts one, the operator refunds one,
 * either side sees them. Confirmation happens only when Stripe reports the payment ({@link StripeWebhooks})
 * or reconciliation finds it ({@link CardReconciliation}).
 *
 * <p><b>Idempotency.</b> Every Stripe write carries a deterministic key: {@code order-<id>-attempt-<n>}
 * for a PaymentIntent, {@code order-<id>-refund-<n>} for a refund, where n is the next number of the
 * order's attempts / refunds, reserved by inserting the row first (UNIQUE (order, n)). Asking again
 * returns the attempt under way (its PaymentIntent and client secret) rather than a second one; a
 * new attempt begins only after the last one FAILED or was CANCELED. The endpoints require an
 * {@code Idempotency-Key} header: a refund remembers it (UNIQUE per order), so a repeated refund
 * request returns the first refund. <i>Where the generic mechanism plugs in:</i> the platform-wide
 * store-and-replay of {@code Idempotency-Key} (request hash, stored answer, 409 in flight, 422 for
 * another payload) wraps the two POST endpoints in {@code CardPaymentApiController}; the keys sent to
 * Stripe stay derived from the order as here.
 *
 * <p>Errors: 404 {@code ORDER_NOT_FOUND}; 403 {@code FORBIDDEN}; 400 {@code IDEMPOTENCY_KEY_REQUIRED},
 * {@code REASON_REQUIRED}, {@code AMOUNT_INVALID}; 409 {@code ILLEGAL_TRANSITION} (order not awaiting
 * payment), {@code PAYMENT_IN_PROGRESS}; 422 {@code CARD_PAYMENT_UNAVAILABLE} (Stripe not configured; the
 * message says why), {@code NOTHING_DUE}, {@code NOT_PAID_BY_CARD}, {@code REFUND_EXCEEDS_PAYMENT},
 * {@code IDEMPOTENCY_KEY_REUSED}; 502 {@code CARD_PROVIDER_REFUSED} (Stripe refused; its reason in the
 * message); 503 {@code CARD_PROVIDER_UNAVAILABLE} (Stripe did not answer; asking again is safe).
 */
@Singleton
public class CardPayments {

    private final Jdbc jdbc;
    private final Bookings bookings;
    private final StripeSettings settings;
    private final StripeGateway stripe;
    private final AmountDue amountDue;
    private final Clock clock;

    CardPayments(Jdbc jdbc, Bookings bookings, StripeSettings settings, StripeGateway stripe, AmountDue amountDue,
                 Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.settings = settings;
        this.stripe = stripe;
        this.amountDue = amountDue;
        this.clock = clock;
    }

    /** The order's card payments; anyone who may see the order (its buyer's members, its operator's staff, admins). */
    public CardPaymentView view(Actor actor, long orderId) {
        ServiceOrder o = bookings.get(actor, orderId);
        return jdbc.read(c -> {
            List<CardPaymentStore.Attempt> attempts = CardPaymentStore.attempts(c, orderId);
            List<CardPaymentStore.RefundRow> refunds = CardPaymentStore.refunds(c, orderId);
            long paid = attempts.stream().filter(a -> a.status().equals("SUCCEEDED")).mapToLong(CardPaymentStore.Attempt::amountFen)
                    .sum();
            long refunded = refunds.stream().filter(r -> !r.status().equals("FAILED") && !r.status().equals("CANCELED"))
                    .mapToLong(CardPaymentStore.RefundRow::amountFen).sum();
            long due = o.state() == OrderState.AWAITING_PAYMENT ? amountDue.inCashFen(c, orderId) : 0;
            return new CardPaymentView(orderId, settings.available(), settings.unavailableReason().orElse(null),
                    settings.available() && due > 0, settings.paymentMethodTypes(), due, o.currency(), paid, refunded,
                    paid - refunded,
                    attempts.stream().map(a -> new CardPaymentView.Attempt(a.attemptNo(), a.intentId(), a.status(), a.amountFen(),
                            a.currency(), a.failureCode(), a.failureMessage(), a.attention(), a.createdAt(), a.updatedAt()))
                            .toList(),
                    refunds.stream().map(CardPayments::refundView).toList());
        });
    }

    /**
     * Starts (or resumes) paying an order AWAITING_PAYMENT by card, as a BUYER_MEMBER of the buyer
     * organisation: creates a PaymentIntent in CNY for the amount due in cash.
     *
     * @return the attempt and whether it was created now ({@code true}) or already under way
     */
    public Started start(Actor actor, long orderId, String requestKey) {
        ServiceOrder o = bookings.get(actor, orderId);
        if (!actor.hasRoleIn(o.buyerOrganisation().id(), Role.BUYER_MEMBER)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only members (BUYER_MEMBER) of the buyer organisation pay its orders.");
        }
        requireKey(requestKey);
        requireAvailable();
        if (o.state() != OrderState.AWAITING_PAYMENT) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION", "An order that is " + o.state()
                    + " cannot be paid; only an accepted order awaiting payment can.");
        }
        long due = jdbc.read(c -> amountDue.inCashFen(c, orderId));
        if (due <= 0) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NOTHING_DUE",
                    "Nothing of this order is left to pay in cash.");
        }
        List<CardPaymentStore.Attempt> attempts = jdbc.read(c -> CardPaymentStore.attempts(c, orderId));
        CardPaymentStore.Attempt last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        if (last != null && last.amountFen() == due && last.status().equals("PENDING") && last.clientSecret() != null) {
            return new Started(started(last), false); // the payment under way: the same PaymentIntent
        }
        int attemptNo;
        if (last != null && last.amountFen() == due && last.status().equals("UNKNOWN")) {
            attemptNo = last.attemptNo(); // Stripe did not answer last time: ask again with the same key
        } else {
            attemptNo = last == null ? 1 : last.attemptNo() + 1;
            String key = "order-" + orderId + "-attempt-" + attemptNo;
            Instant now = clock.instant();
            try {
                jdbc.write(c -> CardPaymentStore.insertAttempt(c, orderId, attemptNo, key, due, o.currency(),
                        String.join(",", settings.paymentMethodTypes()), actor.personId(), now));
            } catch (Jdbc.DataAccessFailure e) {
                if (e.violates("uq_cpa_attempt") || e.violates("uq_cpa_key")) {
                    // a concurrent request reserved this attempt a moment ago
                    CardPaymentStore.Attempt other = jdbc.read(c -> CardPaymentStore.attempt(c, orderId, attemptNo)).orElseThrow();
                    if (other.clientSecret() != null) {
                        return new Started(started(other), false);
                    }
                    throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "PAYMENT_IN_PROGRESS",
                            "A card payment of this order is being started right now; ask again in a moment.");
                }
                throw e;
            }
        }
        CardPaymentStore.Attempt a = jdbc.read(c -> CardPaymentStore.attempt(c, orderId, attemptNo)).orElseThrow();
        PaymentIntent pi;
        try {
            pi = stripe.createIntent(orderId, attemptNo, a.amountFen(), a.currency(), List.of(a.paymentMethodTypes().split(",")),
                    a.idempotencyKey());
        } catch (StripeGateway.NoAnswer e) {
            throw noAnswer();
        } catch (StripeGateway.Refused e) {
            jdbc.write(c -> {
                CardPaymentStore.status(c, a.id(), "FAILED", e.code, e.getMessage(), null, clock.instant());
                return null;
            });
            throw new ApiException.RuleViolation(HttpStatus.BAD_GATEWAY, "CARD_PROVIDER_REFUSED",
                    "Stripe refused to start the payment: " + e.getMessage());
        }
        jdbc.write(c -> {
            CardPaymentStore.created(c, a.id(), pi.getId(), pi.getClientSecret(), "PENDING", clock.instant());
            return null;
        });
        return new Started(started(jdbc.read(c -> CardPaymentStore.attempt(c, orderId, attemptNo)).orElseThrow()), true);
    }

    /** A started payment, and whether this request created it. */
    public record Started(CardPaymentStarted payment, boolean created) {
    }

    /**
     * Refunds all or part of a card-paid order through Stripe Refunds, as the serving operator's manager
     * or finance staff (or a platform admin). Never more than was paid: the attempt row is locked while
     * the refundable amount is checked and the refund row reserved. A repeated request with the same
     * {@code Idempotency-Key} returns the first refund (asking Stripe again, with the same key, when it
     * did not answer the first time).
     *
     * @return the refund and whether this request created it
     */
    public RefundResult refund(Actor actor, long orderId, String requestKey, CardRefundRequest body) {
        ServiceOrder o = bookings.get(actor, orderId);
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(o.operator().id(), Role.OPERATOR_MANAGER, Role.OPERATOR_FINANCE)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Refunds need the role OPERATOR_MANAGER or OPERATOR_FINANCE in the "
                    + "operator that serves the order.");
        }
        requireKey(requestKey);
        String reason = body == null || body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED", "Say why (1 to 500 characters); the buyer will read it.");
        }
        if (body.amountFen() != null && body.amountFen() <= 0) {
            throw new ApiException.ValidationFailed("amountFen", "AMOUNT_INVALID", "A refund is at least 1 fen; leave amountFen "
                    + "out to refund all that is still refundable.");
        }
        requireAvailable();
        String key = requestKey.strip();
        Optional<CardPaymentStore.RefundRow> earlier = jdbc.read(c -> CardPaymentStore.refundByRequest(c, orderId, key));
        if (earlier.isPresent()) {
            return repeated(earlier.get(), body);
        }
        Instant now = clock.instant();
        long refundId;
        try {
            refundId = jdbc.write(c -> {
                CardPaymentStore.Attempt paid = CardPaymentStore.succeededForUpdate(c, orderId).orElseThrow(() ->
                        new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NOT_PAID_BY_CARD",
                                "Order " + orderId + " has no card payment to refund."));
                long refundable = paid.amountFen() - CardPaymentStore.refundedFen(c, paid.id());
                long amount = body.amountFen() == null ? refundable : body.amountFen();
                if (amount <= 0 || amount > refundable) {
                    throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "REFUND_EXCEEDS_PAYMENT",
                            "Paid by card: " + paid.amountFen() + " fen; already refunded: " + (paid.amountFen() - refundable)
                                    + " fen; at most " + refundable + " fen can still be refunded.");
                }
                int refundNo = (int) Jdbc.count(c, "SELECT COUNT(*) FROM card_refund WHERE order_id = ?", orderId) + 1;
                return CardPaymentStore.insertRefund(c, orderId, paid.id(), refundNo, "order-" + orderId + "-refund-" + refundNo,
                        key, amount, paid.currency(), reason, actor.personId(), now);
            });
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("uq_cr_request") || e.violates("uq_cr_no") || e.violates("uq_cr_key")) {
                return jdbc.read(c -> CardPaymentStore.refundByRequest(c, orderId, key)).map(r -> repeated(r, body))
                        .orElseThrow(() -> new ApiException.RuleViolation(HttpStatus.CONFLICT, "PAYMENT_IN_PROGRESS",
                                "Another refund of this order is being made right now; ask again in a moment."));
            }
            throw e;
        }
        CardPaymentStore.RefundRow row = jdbc.read(c -> CardPaymentStore.refundByRequest(c, orderId, key)).orElseThrow();
        return new RefundResult(askStripe(row), true);
    }

    /** A refund, and whether this request created it. */
    public record RefundResult(CardPaymentView.Refund refund, boolean created) {
    }

    private RefundResult repeated(CardPaymentStore.RefundRow r, CardRefundRequest body) {
        if (body != null && body.amountFen() != null && body.amountFen() != r.amountFen()) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key already made refund " + r.refundNo() + " of " + r.amountFen()
                            + " fen; use a new key for another refund.");
        }
        return new RefundResult(r.status().equals("REQUESTED") ? askStripe(r) : refundView(r), false);
    }

    /** Sends a reserved refund to Stripe (again, with the same key, if it did not answer before) and records the answer. */
    private CardPaymentView.Refund askStripe(CardPaymentStore.RefundRow r) {
        String intentId = jdbc.read(c -> Jdbc.one(c, "SELECT payment_intent_id FROM card_payment_attempt WHERE id = ?",
                rs -> rs.getString(1), r.attemptId())).orElseThrow();
        Refund refund;
        try {
            refund = stripe.refund(intentId, r.amountFen(), r.orderId(), r.refundNo(), r.idempotencyKey());
        } catch (StripeGateway.NoAnswer e) {
            throw noAnswer();
        } catch (StripeGateway.Refused e) {
            jdbc.write(c -> {
                CardPaymentStore.refundAnswered(c, r.id(), null, "FAILED", e.getMessage(), clock.instant());
                return null;
            });
            throw new ApiException.RuleViolation(HttpStatus.BAD_GATEWAY, "CARD_PROVIDER_REFUSED",
                    "Stripe refused the refund: " + e.getMessage());
        }
        jdbc.write(c -> {
            CardPaymentStore.refundAnswered(c, r.id(), refund.getId(), refundStatus(refund.getStatus()),
                    refund.getFailureReason(), clock.instant());
            return null;
        });
        return jdbc.read(c -> CardPaymentStore.refundByRequest(c, r.orderId(), r.requestKey())).map(CardPayments::refundView)
                .orElseThrow();
    }

    static String refundStatus(String stripeStatus) {
        return switch (stripeStatus == null ? "" : stripeStatus) {
            case "succeeded" -> "SUCCEEDED";
            case "failed" -> "FAILED";
            case "canceled" -> "CANCELED";
            default -> "PENDING";
        };
    }

    private void requireAvailable() {
        settings.unavailableReason().ifPresent(why -> {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "CARD_PAYMENT_UNAVAILABLE", why);
        });
    }

    private static void requireKey(String requestKey) {
        if (requestKey == null || requestKey.isBlank() || requestKey.strip().length() > 255) {
            throw new ApiException.ValidationFailed("Idempotency-Key", "IDEMPOTENCY_KEY_REQUIRED",
                    "Send an Idempotency-Key header (1 to 255 characters, e.g. a UUID) so that a repeated request "
                            + "cannot move money twice.");
        }
    }

    private static ApiException noAnswer() {
        return new ApiException.Unavailable("CARD_PROVIDER_UNAVAILABLE", "Stripe did not answer in time. Ask again in a "
                + "minute: the same request is sent with the same idempotency key, so nothing happens twice.");
    }

    private static CardPaymentStarted started(CardPaymentStore.Attempt a) {
        return new CardPaymentStarted(a.orderId(), a.attemptNo(), a.intentId(), a.clientSecret(), a.amountFen(), a.currency(),
                List.of(a.paymentMethodTypes().split(",")), a.status());
    }

    private static CardPaymentView.Refund refundView(CardPaymentStore.RefundRow r) {
        return new CardPaymentView.Refund(r.refundNo(), r.stripeRefundId(), r.amountFen(), r.currency(), r.status(), r.reason(),
                r.failureReason(), r.createdAt());
    }
}
