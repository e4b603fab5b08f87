package cn.dayi.marketplace.ledger;

import cn.dayi.pricing.FenRounding;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * How a refund of an order paid part in cash, part by innovation voucher divides between the two: in
 * proportion to what is still refundable of each (largest remainder, {@link FenRounding#allocate}, the
 * one rounding policy of the ledger), so that {@code cashFen + voucherFen == refund}, neither part exceeds
 * what is left of it, and refunding all that is left returns exactly the rest of both. Pure; fen.
 *
 * @param cashFen    the part that goes back through the payment method (bank transfer, card)
 * @param voucherFen the part that goes back to the buyer's voucher grant
 */
@Serdeable
public record RefundSplit(long cashFen, long voucherFen) {

    public RefundSplit {
        if (cashFen < 0 || voucherFen < 0) {
            throw new IllegalArgumentException("refund parts are >= 0, got " + cashFen + " cash, " + voucherFen + " voucher");
        }
    }

    /** The whole refund. */
    public long totalFen() {
        return cashFen + voucherFen;
    }

    /**
     * Splits {@code refundFen} in proportion to the cash and voucher still refundable.
     *
     * @param refundFen  1 … {@code cashLeftFen + voucherLeftFen}
     * @param cashLeftFen    cash paid and not yet refunded (nor being refunded), ≥ 0
     * @param voucherLeftFen voucher part of the order not yet given back, ≥ 0
     * @throws IllegalArgumentException when the refund is not in that range
     */
    public static RefundSplit of(long refundFen, long cashLeftFen, long voucherLeftFen) {
        if (cashLeftFen < 0 || voucherLeftFen < 0) {
            throw new IllegalArgumentException("what is left is >= 0");
        }
        long left = Math.addExact(cashLeftFen, voucherLeftFen);
        if (refundFen <= 0 || refundFen > left) {
            throw new IllegalArgumentException("a refund of " + refundFen + " fen does not fit into the " + left
                    + " fen left (" + cashLeftFen + " cash, " + voucherLeftFen + " voucher)");
        }
        long[] parts = FenRounding.allocate(refundFen, List.of(cashLeftFen, voucherLeftFen));
        return new RefundSplit(parts[0], parts[1]);
    }
}
