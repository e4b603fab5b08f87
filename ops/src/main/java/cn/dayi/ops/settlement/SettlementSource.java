package cn.dayi.ops.settlement;

import java.util.List;

/**
 * Where settlement takes its figures from. Must be deterministic for a closed period: asked twice,
 * it answers the same (a re-run after a crash relies on it). Today {@link CompletedOrdersSource}
 * reads completed orders; the ledger will implement it with the parties' shares.
 */
public interface SettlementSource {

    /** The parties (organisation ids) with something to settle in the period, in ascending order. */
    List<Long> parties(SettlementPeriod period);

    /** The statement of one of those parties for the period. */
    PartyStatement statement(long partyId, SettlementPeriod period);
}
