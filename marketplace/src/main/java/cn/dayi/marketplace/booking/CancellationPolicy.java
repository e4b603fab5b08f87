package cn.dayi.marketplace.booking;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;

/**
 * What cancelling costs the buyer: free while the order is only SUBMITTED (the operator has not
 * committed) and until {@link #FREE_UNTIL_BEFORE_START} before the start; after that a fee of
 * {@link #LATE_FEE_BP} basis points of the kept quote's total, rounded down to the fen.
 */
public final class CancellationPolicy {

    public static final Duration FREE_UNTIL_BEFORE_START = Duration.ofHours(24);
    public static final int LATE_FEE_BP = 5_000;

    /**
     * The policy as an order shows it.
     *
     * @param freeUntil    cancelling is free before this instant (UTC)
     * @param feeFenNow    what cancelling now would cost, fen
     * @param lateFeeBp    the late fee, basis points of the total
     * @param description  the rule in words (Chinese, then English)
     */
    @Serdeable
    public record Terms(Instant freeUntil, long feeFenNow, int lateFeeBp, String description) {
    }

    private CancellationPolicy() {
    }

    /** Fee in fen for cancelling at {@code now} an order in {@code state} starting at {@code start}. */
    public static long feeFen(OrderState state, Instant start, long totalFen, Instant now) {
        if (state == OrderState.SUBMITTED || now.isBefore(start.minus(FREE_UNTIL_BEFORE_START))) {
            return 0;
        }
        return Math.multiplyExact(totalFen, (long) LATE_FEE_BP) / 10_000;
    }

    public static Terms terms(OrderState state, Instant start, long totalFen, Instant now) {
        return new Terms(start.minus(FREE_UNTIL_BEFORE_START), feeFen(state, start, totalFen, now), LATE_FEE_BP,
                "开始前 24 小时以前取消免费，之后收取订单金额的 50%（待受理的订单随时免费取消）。 Free until 24 hours "
                        + "before the start, then 50 % of the total (an order not yet accepted is always free to cancel).");
    }
}
