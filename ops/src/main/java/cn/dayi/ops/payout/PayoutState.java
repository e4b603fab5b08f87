package cn.dayi.ops.payout;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a payout stands, and the one table of moves between the states ({@link #canMoveTo}).
 *
 * <pre>
 * WAITING_FOR_ACCOUNT → PENDING (Stripe transfer) | IN_FILE (bank payout file) | FAILED (the payables no longer cover it)
 * PENDING | UNKNOWN   → TRANSFERRED | FAILED | UNKNOWN
 * IN_FILE             → PAID | FAILED
 * FAILED              → WAITING_FOR_ACCOUNT (retry: routed again by the account then set)
 * </pre>
 * TRANSFERRED and PAID are final: the money has left and the ledger says so.
 */
public enum PayoutState {
    /** The party has no payout account that can be used: picked up once one is set. */
    WAITING_FOR_ACCOUNT,
    /** A Stripe transfer is to be created (or was being created when a run stopped): asked with the same key. */
    PENDING,
    /** Stripe did not answer the create call: the next run asks again with the same idempotency key. */
    UNKNOWN,
    /** Stripe created the transfer; the journal is posted. Final. */
    TRANSFERRED,
    /** A row of the period's bank payout file, waiting for finance to run it at the bank. */
    IN_FILE,
    /** Finance marked the bank payout paid; the journal is posted. Final. */
    PAID,
    /**
     * Stripe refused, the bank run failed, or the party's payables no longer covered the payout when it was routed
     * ({@code PAYABLE_SHORT}); the reason is kept and platform admins may retry.
     */
    FAILED;

    private static final Map<PayoutState, Set<PayoutState>> MOVES = Map.of(
            WAITING_FOR_ACCOUNT, EnumSet.of(PENDING, IN_FILE, FAILED),
            PENDING, EnumSet.of(TRANSFERRED, FAILED, UNKNOWN),
            UNKNOWN, EnumSet.of(TRANSFERRED, FAILED, UNKNOWN),
            IN_FILE, EnumSet.of(PAID, FAILED),
            FAILED, EnumSet.of(WAITING_FOR_ACCOUNT),
            TRANSFERRED, EnumSet.noneOf(PayoutState.class),
            PAID, EnumSet.noneOf(PayoutState.class));

    /** True when the table allows the move. */
    public boolean canMoveTo(PayoutState next) {
        return MOVES.get(this).contains(next);
    }

    /** True when the money has left (TRANSFERRED, PAID). */
    public boolean isFinal() {
        return this == TRANSFERRED || this == PAID;
    }
}
