package cn.dayi.marketplace.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The money of one order as its buyer and its operator see it. Fen; instants UTC. An order may be paid part
 * in cash (bank transfer or card), part by innovation voucher; refunds give back both in proportion
 * ({@link RefundSplit}).
 *
 * @param orderId             the order
 * @param state               the order's state
 * @param currency            CNY
 * @param paymentMethod       BANK_TRANSFER or CARD; null while no cash was paid (unpaid, or paid wholly by voucher)
 * @param paidFen             what the buyer paid in cash (0 while unpaid or paid wholly by voucher)
 * @param voucherFen          what innovation vouchers paid of the order: what they still pay plus what refunds gave
 *                            back to the grant (0 without a voucher, or once it was released by a cancellation)
 * @param refundedFen         sum of the refunds (cash + voucher)
 * @param refundedCashFen     the part of {@code refundedFen} that went back through the payment method
 * @param refundedVoucherFen  the part of {@code refundedFen} that went back to the buyer's voucher grant
 * @param heldFen             paid (cash or voucher), not yet earned nor refunded: held for the buyer
 * @param earnedFen           recognised as revenue (completion, cancellation or no-show fee), net of refunds taken back
 * @param refundableFen       what a refund may still give back: {@code refundableCashFen + refundableVoucherFen}
 * @param refundableCashFen   cash paid and not refunded
 * @param refundableVoucherFen the voucher part not given back (0 once released)
 * @param refunds             every refund, oldest first, with its reason and its cash / voucher parts
 * @param journals            the ledger journals of the order (operator staff and platform admins only; null for the buyer)
 */
@Serdeable
public record OrderMoney(long orderId, String state, String currency, @Nullable String paymentMethod, long paidFen,
                         long voucherFen, long refundedFen, long refundedCashFen, long refundedVoucherFen, long heldFen,
                         long earnedFen, long refundableFen, long refundableCashFen, long refundableVoucherFen,
                         List<Refund> refunds, @Nullable List<Ledger.Journal> journals) {

    /**
     * One refund.
     *
     * @param amountFen    the whole refund: {@code cashFen + voucherFen}
     * @param cashFen      given back through {@code method}
     * @param voucherFen   given back to the buyer's voucher grant (no longer claimable from the fiscal fund)
     * @param method       how the cash went back (the payment's method: BANK_TRANSFER, CARD), or VOUCHER for an order
     *                     paid wholly by voucher
     * @param reason       why, as operator finance wrote it; the buyer reads it
     * @param recordedBy   person id of who recorded it (for a card refund: who asked for it)
     */
    @Serdeable
    public record Refund(long id, long amountFen, long cashFen, long voucherFen, String currency, String method, String reason,
                         long recordedBy, String recordedByName, Instant recordedAt) {
    }

    /**
     * A refund to record.
     *
     * @param amountFen fen to give back (cash and voucher together), &gt; 0, at most {@link OrderMoney#refundableFen()};
     *                  divided between cash and voucher in proportion to what is left of each
     * @param reason    why, 1–1,000 characters; shown to the buyer
     */
    @Serdeable
    public record NewRefund(@Nullable Long amountFen, @Nullable String reason) {
    }
}
