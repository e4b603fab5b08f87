package cn.dayi.marketplace.payment;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * Card payment of one order as its buyer and its operator see it. Money is fen (CNY minor units);
 * times are UTC instants.
 *
 * @param cardPaymentAvailable false when the platform has no Stripe configuration; {@code unavailableReason} says why
 * @param unavailableReason    why card payment is off, or null
 * @param canPayByCardNow      true when the order awaits payment, something is due in cash and card payment is on
 * @param paymentMethodTypes   what a card payment offers: {@code card}, plus {@code alipay} / {@code wechat_pay} when configured
 * @param amountDueFen         what a card payment would charge now (total minus any voucher hold); 0 unless awaiting payment
 * @param paidFen              received by card and confirmed (the SUCCEEDED attempt)
 * @param refundedFen          refunded to the card or being refunded (cash parts)
 * @param refundableFen        the most a card refund may still ask for (cash and voucher together): what the order's money
 *                             view calls refundable, less the card refunds still under way; for a card payment that never
 *                             confirmed the order (it carries {@code attention}): {@code paidFen − refundedFen}
 * @param attempts             every card payment attempt, oldest first (a FAILED one carries Stripe's reason)
 * @param refunds              every card refund, oldest first
 */
@Serdeable
public record CardPaymentView(long orderId, boolean cardPaymentAvailable, String unavailableReason, boolean canPayByCardNow,
                              List<String> paymentMethodTypes, long amountDueFen, String currency, long paidFen,
                              long refundedFen, long refundableFen, List<Attempt> attempts, List<Refund> refunds) {

    /**
     * One try to pay by card.
     *
     * @param status         PENDING (waiting for the buyer or Stripe), UNKNOWN (Stripe did not answer; reconciliation
     *                       asks again), SUCCEEDED, FAILED, CANCELED, MISMATCH (money arrived that did not fit the order)
     * @param failureCode    Stripe's decline or error code when FAILED, e.g. {@code card_declined}, {@code insufficient_funds}
     * @param failureMessage why it failed, for the buyer
     * @param attention      set when money arrived that did not confirm the order; finance must act (refund)
     */
    @Serdeable
    public record Attempt(int attemptNo, String paymentIntentId, String status, long amountFen, String currency,
                          String failureCode, String failureMessage, String attention, Instant createdAt, Instant updatedAt) {
    }

    /**
     * One refund. A refund of an order paid part by innovation voucher gives back cash and voucher in proportion:
     * {@code amountFen} goes back to the card, {@code voucherFen} to the buyer's voucher grant, together
     * {@code totalFen} (what was asked for).
     *
     * @param amountFen  the cash part, refunded through Stripe (0 when the whole refund is voucher: no Stripe call)
     * @param voucherFen the voucher part, given back to the grant when the cash part SUCCEEDED
     * @param totalFen   {@code amountFen + voucherFen}
     * @param status     REQUESTED (Stripe not yet answered; repeat the request with the same Idempotency-Key), PENDING,
     *                   SUCCEEDED (posted to the ledger, shown in the order's money view), FAILED, CANCELED
     * @param posted     true once the ledger has posted it ({@code ORDER:<id>:CARD_REFUND:<refundNo>})
     * @param attention  set when Stripe reported a failure after the refund had been posted: finance must act
     */
    @Serdeable
    public record Refund(int refundNo, String stripeRefundId, long amountFen, long voucherFen, long totalFen, String currency,
                         String status, String reason, String failureReason, boolean posted, String attention,
                         Instant createdAt) {
    }
}
