package cn.dayi.marketplace.entrustment;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An entrustment as both parties see it.
 *
 * @param startsOn    first day of the term (Asia/Shanghai)
 * @param endsOn      last day of the term; the scheduler expires it the day after
 * @param shares      revenue split of instrument-use charges, basis points summing to 10,000
 * @param instruments the instruments covered
 * @param history     every transition, oldest first: who, when, why
 */
@Serdeable
public record Entrustment(long id, Party owner, Party operator, EntrustmentState state, LocalDate startsOn,
                          LocalDate endsOn, String scope, RevenueShares shares, boolean fiscalFunded,
                          List<InstrumentRef> instruments, List<HistoryEntry> history, int version) {

    /** An organisation on one side. */
    @Serdeable
    public record Party(long id, String name) {
    }

    /** An instrument covered by the entrustment. */
    @Serdeable
    public record InstrumentRef(long id, String code, String name) {
    }

    /** One transition of the audit trail; {@code actorName} is null for the scheduler. */
    @Serdeable
    public record HistoryEntry(String event, EntrustmentState from, EntrustmentState to, Long actorPersonId,
                               String actorName, String reason, Instant at) {
    }
}
