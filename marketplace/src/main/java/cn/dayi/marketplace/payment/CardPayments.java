package cn.dayi.marketplace.payment;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.ledger.RefundSplit;
import cn.dayi.marketplace.ledger.Refunds;
import cn.dayi.marketplace.web.ApiException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(CardPayments.class);

    private final Jdbc jdbc;
    private final Bookings bookings;
    private final StripeSettings settings;
    private final StripeGateway stripe;
    private final AmountDue amountDue;
    private final Refunds refunds;
    private final Clock clock;

    CardPayments(Jdbc jdbc, Bookings bookings, StripeSettings settings, StripeGateway stripe, AmountDue amountDue,
                 Refunds refunds, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.settings = settings;
        this.stripe = stripe;
        this.amountDue = amountDue;
        this.refunds = refunds;
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
            long refundable = paid - refunded;
            Optional<CardPaymentStore.Attempt> confirming = attempts.stream().filter(a -> a.status().equals("SUCCEEDED"))
                    .findFirst();
            Refunds.Refundable money = this.refunds.refundableNow(c, orderId);
            if (confirming.isPresent() && inLedger(money, confirming.get())) {
                long[] underWay = CardPaymentStore.inFlight(c, confirming.get().id());
                refundable = Math.max(0, Math.min(paid - refunded, money.cashLeftFen() - underWay[0]))
                        + Math.max(0, money.voucherLeftFen() - underWay[1]);
            }
            return new CardPaymentView(orderId, settings.available(), settings.unavailableReason().orElse(null),
                    settings.available() && due > 0, settings.paymentMethodTypes(), due, o.currency(), paid, refunded,
                    refundable,
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
     * or finance staff (or a platform admin).
     *
     * <p><b>How much.</b> {@code amountFen} is the whole refund (no amount = all that is left). It is checked, under
     * the order's row lock ({@link Refunds#refundable}, the lock bank refunds and order moves take), against what the
     * ledger still holds refundable for the order — cash paid less cash refunded, plus the voucher part still paying
     * — less the card refunds still under way; it is split between card and voucher in proportion
     * ({@link RefundSplit}). Stripe refunds the card part; the voucher part goes back to the buyer's grant when the
     * card part SUCCEEDED (at once when there is no card part).
     *
     * <p><b>The ledger, exactly once.</b> The refund journal ({@code ORDER:<id>:CARD_REFUND:<refundNo>}, see
     * {@link Refunds#postCardRefund}) is posted when Stripe reports the refund SUCCEEDED — in Stripe's answer, the
     * {@code refund.updated} webhook or reconciliation, whichever comes first, each under the order lock and the
     * refund's row lock; the others find {@code journal_id} set and the business key taken and post nothing. A
     * refund Stripe refuses or fails before that posts nothing and frees its amount. A card payment that never
     * confirmed the order (money that arrived late or did not fit; the attempt carries {@code attention}) was never
     * in the ledger: it is refunded against the attempt alone and posts nothing.
     *
     * <p>A repeated request with the same {@code Idempotency-Key} returns the first refund (asking Stripe again, with
     * the same key, when it did not answer the first time).
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
        try {
            jdbc.write(c -> {
                Refunds.Refundable money = refunds.refundable(c, orderId); // first: the order's lock
                CardPaymentStore.Attempt paid = CardPaymentStore.succeededForUpdate(c, orderId).orElseThrow(() ->
                        new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NOT_PAID_BY_CARD",
                                "Order " + orderId + " has no card payment to refund."));
                long cardLeft = paid.amountFen() - CardPaymentStore.refundedFen(c, paid.id());
                boolean inLedger = inLedger(money, paid);
                long cashLeft = cardLeft;
                long voucherLeft = 0;
                if (inLedger) {
                    long[] underWay = CardPaymentStore.inFlight(c, paid.id());
                    cashLeft = Math.min(cardLeft, money.cashLeftFen() - underWay[0]);
                    voucherLeft = Math.max(0, money.voucherLeftFen() - underWay[1]);
                }
                long left = Math.max(0, cashLeft) + voucherLeft;
                long amount = body.amountFen() == null ? left : body.amountFen();
                if (amount <= 0 || amount > left) {
                    throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "REFUND_EXCEEDS_PAYMENT",
                            "Paid by card: " + paid.amountFen() + " fen" + (inLedger && money.voucherLeftFen()
                                    + money.voucherRefundedFen() > 0 ? " (and " + (money.voucherLeftFen()
                                    + money.voucherRefundedFen()) + " fen by innovation voucher)" : "") + "; refunded or "
                                    + "being refunded: " + (paid.amountFen() - cardLeft) + " fen to the card"
                                    + (inLedger ? ", " + money.voucherRefundedFen() + " fen to the voucher" : "")
                                    + "; at most " + left + " fen can still be refunded.");
                }
                RefundSplit split = RefundSplit.of(amount, Math.max(0, cashLeft), voucherLeft);
                refunds.requireVoucherRefundable(c, orderId, split.voucherFen());
                int refundNo = (int) Jdbc.count(c, "SELECT COUNT(*) FROM card_refund WHERE order_id = ?", orderId) + 1;
                long id = CardPaymentStore.insertRefund(c, orderId, paid.id(), refundNo, "order-" + orderId + "-refund-" + refundNo,
                        key, split.cashFen(), split.voucherFen(), paid.currency(), reason, actor.personId(), now);
                if (split.cashFen() == 0) { // wholly voucher: nothing for Stripe to do
                    CardPaymentStore.refundAnswered(c, id, null, "SUCCEEDED", null, now);
                    settle(c, id, now);
                }
                return id;
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
        return new RefundResult(row.status().equals("REQUESTED") ? askStripe(row) : refundView(row), true);
    }

    /** A refund, and whether this request created it. */
    public record RefundResult(CardPaymentView.Refund refund, boolean created) {
    }

    private RefundResult repeated(CardPaymentStore.RefundRow r, CardRefundRequest body) {
        if (body != null && body.amountFen() != null && body.amountFen() != r.amountFen() + r.voucherFen()) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key already made refund " + r.refundNo() + " of " + (r.amountFen() + r.voucherFen())
                            + " fen; use a new key for another refund.");
        }
        return new RefundResult(r.status().equals("REQUESTED") ? askStripe(r) : refundView(r), false);
    }

    /** Sends a reserved refund to Stripe (again, with the same key, if it did not answer before) and records the answer. */
    private CardPaymentView.Refund askStripe(CardPaymentStore.RefundRow r) {
        try {
            answered(r, sendToStripe(r));
        } catch (StripeGateway.NoAnswer e) {
            throw noAnswer();
        } catch (StripeGateway.Refused e) {
            throw new ApiException.RuleViolation(HttpStatus.BAD_GATEWAY, "CARD_PROVIDER_REFUSED",
                    "Stripe refused the refund: " + e.getMessage());
        }
        return jdbc.read(c -> CardPaymentStore.refundByRequest(c, r.orderId(), r.requestKey())).map(CardPayments::refundView)
                .orElseThrow();
    }

    /** Asks Stripe for the refund under its deterministic key; a refusal is recorded (FAILED) and rethrown. */
    Refund sendToStripe(CardPaymentStore.RefundRow r) {
        String intentId = jdbc.read(c -> Jdbc.one(c, "SELECT payment_intent_id FROM card_payment_attempt WHERE id = ?",
                rs -> rs.getString(1), r.attemptId())).orElseThrow();
        try {
            return stripe.refund(intentId, r.amountFen(), r.orderId(), r.refundNo(), r.idempotencyKey());
        } catch (StripeGateway.Refused e) {
            Instant now = clock.instant();
            jdbc.write(c -> {
                refunds.refundable(c, r.orderId()); // the order's lock first, as everywhere
                CardPaymentStore.refundForUpdate(c, r.id());
                CardPaymentStore.refundAnswered(c, r.id(), null, "FAILED", e.getMessage(), now);
                return null;
            });
            throw e;
        }
    }

    /** Records what Stripe says of a refund (its answer, a webhook, reconciliation) and posts it once it SUCCEEDED. */
    void answered(CardPaymentStore.RefundRow r, Refund refund) {
        Instant now = clock.instant();
        jdbc.write(c -> {
            applyStatus(c, r.orderId(), r.id(), refund.getId(), refundStatus(refund.getStatus()), refund.getFailureReason(), now);
            return null;
        });
    }

    /**
     * Sets a refund's status as Stripe reports it and, when it SUCCEEDED, posts it (once), in the caller's
     * transaction: the order's lock first, then the refund's row. A posted refund is never set back to under way;
     * one Stripe reports FAILED or CANCELED after it was posted is flagged ({@code attention}) for finance.
     *
     * @return the status now recorded
     */
    String applyStatus(Connection c, long orderId, long refundId, String stripeRefundId, String status, String failure,
                       Instant now) throws SQLException {
        refunds.refundable(c, orderId); // locks the order
        CardPaymentStore.RefundRow r = CardPaymentStore.refundForUpdate(c, refundId).orElseThrow();
        if (r.journalId() != null) {
            if (status.equals("FAILED") || status.equals("CANCELED")) {
                String note = "Stripe reports refund " + (stripeRefundId == null ? r.stripeRefundId() : stripeRefundId)
                        + " " + status + (failure == null ? "" : " (" + failure + ")") + " after the ledger posted it "
                        + "(journal " + r.journalId() + "): the buyer has not got the money back. Pay it back by hand.";
                LOG.warn("Card refund {} of order {}: {}", r.refundNo(), orderId, note);
                CardPaymentStore.refundAnswered(c, r.id(), stripeRefundId, status, failure, now);
                CardPaymentStore.refundAttention(c, r.id(), note, now);
                return status;
            }
            CardPaymentStore.refundAnswered(c, r.id(), stripeRefundId, "SUCCEEDED", null, now);
            return "SUCCEEDED";
        }
        CardPaymentStore.refundAnswered(c, r.id(), stripeRefundId, status, failure, now);
        if (status.equals("SUCCEEDED")) {
            settle(c, r.id(), now);
        }
        return status;
    }

    /** Posts a SUCCEEDED refund of a card payment that is in the ledger, once; the caller holds the order's lock. */
    private void settle(Connection c, long refundId, Instant now) throws SQLException {
        CardPaymentStore.RefundRow r = CardPaymentStore.refundForUpdate(c, refundId).orElseThrow();
        if (!r.status().equals("SUCCEEDED") || r.journalId() != null) {
            return;
        }
        Refunds.Refundable money = refunds.refundable(c, r.orderId());
        CardPaymentStore.Attempt paid = CardPaymentStore.byId(c, r.attemptId()).orElseThrow();
        if (!inLedger(money, paid)) {
            return; // a payment that never confirmed the order: Stripe only
        }
        long journal = refunds.postCardRefund(c, r.orderId(), r.id(), r.refundNo(), new RefundSplit(r.amountFen(), r.voucherFen()),
                r.reason(), r.createdBy(), now);
        CardPaymentStore.refundPosted(c, r.id(), journal);
    }

    /** True when this attempt is the order's recorded payment (so the ledger holds it). */
    private static boolean inLedger(Refunds.Refundable money, CardPaymentStore.Attempt paid) {
        return "CARD".equals(money.method()) && paid.intentId() != null && paid.intentId().equals(money.paymentReference());
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
        return new CardPaymentView.Refund(r.refundNo(), r.stripeRefundId(), r.amountFen(), r.voucherFen(),
                r.amountFen() + r.voucherFen(), r.currency(), r.status(), r.reason(), r.failureReason(), r.journalId() != null,
                r.attention(), r.createdAt());
    }
}
