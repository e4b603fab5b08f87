package cn.dayi.marketplace.ledger;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * The money of one order as its buyer and its operator see it. Fen; instants UTC.
 *
 * @param orderId        the order
 * @param state          the order's state
 * @param currency       CNY
 * @param paymentMethod  BANK_TRANSFER or CARD; null while unpaid
 * @param paidFen        what the buyer paid (0 while unpaid)
 * @param refundedFen    sum of the refunds
 * @param heldFen        paid, not yet earned nor refunded: held for the buyer
 * @param earnedFen      recognised as revenue (completion, cancellation or no-show fee), net of refunds taken back
 * @param refundableFen  what may still be refunded: paid − refunded
 * @param refunds        every refund, oldest first, with its reason
 * @param journals       the ledger journals of the order (operator staff and platform admins only; null for the buyer)
 */
@Serdeable
public record OrderMoney(long orderId, String state, String currency, @Nullable String paymentMethod, long paidFen,
                         long refundedFen, long heldFen, long earnedFen, long refundableFen, List<Refund> refunds,
                         @Nullable List<Ledger.Journal> journals) {

    /**
     * One refund.
     *
     * @param method       how the money went back (the payment's method)
     * @param reason       why, as operator finance wrote it; the buyer reads it
     * @param recordedBy   person id of who recorded it
     */
    @Serdeable
    public record Refund(long id, long amountFen, String currency, String method, String reason, long recordedBy,
                         String recordedByName, Instant recordedAt) {
    }

    /**
     * A refund to record.
     *
     * @param amountFen fen to give back, &gt; 0, at most {@link OrderMoney#refundableFen()}
     * @param reason    why, 1–1,000 characters; shown to the buyer
     */
    @Serdeable
    public record NewRefund(@Nullable Long amountFen, @Nullable String reason) {
    }
}
