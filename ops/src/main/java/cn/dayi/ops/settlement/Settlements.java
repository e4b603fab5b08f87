package cn.dayi.ops.settlement;

import cn.dayi.marketplace.db.Jdbc;
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
 * Settles a period: one statement per party, idempotent and resumable (see V202__settlement.sql).
 *
 * <ol>
 *   <li>Claims the period's {@code settlement_run} row (new → STARTED; FAILED or a STARTED left by
 *       a crash → STARTED again, attempts + 1; COMPLETED → nothing to do, the result says so).</li>
 *   <li>For each party of the {@link SettlementSource}, in ascending order, skips it when its
 *       statement exists, else writes the statement and its lines in one transaction (UNIQUE
 *       (party, period) turns a concurrent duplicate into a skip).</li>
 *   <li>Marks the run COMPLETED; any failure marks it FAILED with the reason and is rethrown, so
 *       the job's run shows as failed and can be retried.</li>
 * </ol>
 * Only closed periods are settled: an open one is refused ({@link IllegalStateException}).
 */
@Singleton
public class Settlements {

    private static final Logger LOG = LoggerFactory.getLogger(Settlements.class);

    /** The outcome of one call: how many parties there are and how many statements this call wrote. */
    public record RunResult(SettlementPeriod period, String state, int parties, int writtenNow, int attempts) {
    }

    /** A written statement, as stored. */
    public record Statement(long id, long partyId, String period, int ordersCount, long minutesUsed, long grossFen,
                            long shareFen, List<PartyStatement.Line> lines) {
    }

    private final Jdbc jdbc;
    private final SettlementSource source;
    private final Clock clock;

    public Settlements(Jdbc jdbc, SettlementSource source, Clock clock) {
        this.jdbc = jdbc;
        this.source = source;
        this.clock = clock;
    }

    /** Settles the period (see the class comment). */
    public RunResult settle(SettlementPeriod period) {
        Instant now = clock.instant();
        if (!period.isClosedAt(now)) {
            throw new IllegalStateException("period " + period + " is not over yet; only closed months are settled");
        }
        Optional<RunResult> done = claim(period, now);
        if (done.isPresent()) {
            return done.get();
        }
        int written = 0;
        try {
            List<Long> parties = source.parties(period);
            jdbc.write(c -> Jdbc.update(c, "UPDATE settlement_run SET parties_total = ? WHERE period = ?", parties.size(),
                    period.toString()));
            for (long party : parties) {
                if (write(period, party, now)) {
                    written++;
                }
            }
            int attempts = finish(period, "COMPLETED", null);
            LOG.info("Settled {}: {} parties, {} statements written now", period, parties.size(), written);
            return new RunResult(period, "COMPLETED", parties.size(), written, attempts);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            finish(period, "FAILED", "after " + written + " new statements: " + reason);
            throw e;
        }
    }

    /** The statements of a period, by party. */
    public List<Statement> statements(SettlementPeriod period) {
        return jdbc.read(c -> {
            List<Statement> heads = Jdbc.list(c, "SELECT id FROM settlement_statement WHERE period = ? ORDER BY party_id",
                    rs -> read(c, rs.getLong(1)), period.toString());
            return heads;
        });
    }

    /** One written statement with its lines, on the caller's connection (empty when there is none). */
    static Statement read(Connection c, long statementId) throws SQLException {
        Optional<Statement> head = Jdbc.one(c, "SELECT id, party_id, period, orders_count, minutes_used, gross_fen, share_fen"
                        + " FROM settlement_statement WHERE id = ?",
                rs -> new Statement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), List.of()), statementId);
        if (head.isEmpty()) {
            return null;
        }
        Statement s = head.get();
        return new Statement(s.id(), s.partyId(), s.period(), s.ordersCount(), s.minutesUsed(), s.grossFen(), s.shareFen(),
                Jdbc.list(c, "SELECT role, instrument_id, operator_id, owner_id, orders_count, minutes_used, gross_fen, share_fen"
                                + " FROM settlement_statement_line WHERE statement_id = ? ORDER BY role, instrument_id, operator_id",
                        rs -> new PartyStatement.Line(PartyStatement.Role.valueOf(rs.getString(1)), rs.getLong(2),
                                rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)),
                        statementId));
    }

    /** The run's state ({@code STARTED}, {@code COMPLETED}, {@code FAILED}), if the period was ever run. */
    public Optional<String> state(SettlementPeriod period) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT state FROM settlement_run WHERE period = ?", rs -> rs.getString(1),
                period.toString()));
    }

    /**
     * Starts (or restarts) the period's run, or answers the completed one. Two runs claiming a period nobody ran yet
     * both lock the missing row's gap and both insert: InnoDB then rolls one back as a deadlock victim, which runs
     * again and finds the other's row (SettlementIT.twoRunsAtOnceWriteEachStatementOnce failed now and then on it).
     */
    private Optional<RunResult> claim(SettlementPeriod period, Instant now) {
        return jdbc.writeRetryingDeadlocks(3, c -> {
            Optional<String[]> run = Jdbc.one(c, "SELECT state, attempts, parties_total FROM settlement_run WHERE period = ? FOR UPDATE",
                    rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}, period.toString());
            if (run.isEmpty()) {
                Jdbc.update(c, "INSERT INTO settlement_run (period, state, attempts, started_at) VALUES (?, 'STARTED', 1, ?)",
                        period.toString(), now);
                return Optional.empty();
            }
            if ("COMPLETED".equals(run.get()[0])) {
                int parties = run.get()[2] == null ? 0 : Integer.parseInt(run.get()[2]);
                return Optional.of(new RunResult(period, "COMPLETED", parties, 0, Integer.parseInt(run.get()[1])));
            }
            Jdbc.update(c, "UPDATE settlement_run SET state = 'STARTED', attempts = attempts + 1, started_at = ?,"
                    + " finished_at = NULL, message = NULL WHERE period = ?", now, period.toString());
            return Optional.empty();
        });
    }

    /** Writes one party's statement unless it exists; true when written now. */
    private boolean write(SettlementPeriod period, long party, Instant now) {
        boolean exists = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM settlement_statement WHERE party_id = ? AND period = ?",
                party, period.toString()) > 0);
        if (exists) {
            return false;
        }
        PartyStatement s = source.statement(party, period);
        try {
            jdbc.write(c -> insert(c, period, s, now));
            return true;
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("uq_statement_party_period")) {
                return false; // written by a concurrent run a moment ago
            }
            throw e;
        }
    }

    private static long insert(Connection c, SettlementPeriod period, PartyStatement s, Instant now) throws SQLException {
        long id = Jdbc.insert(c, "INSERT INTO settlement_statement (party_id, period, orders_count, minutes_used, gross_fen,"
                + " share_fen, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", s.partyId(), period.toString(), s.ordersCount(),
                s.minutesUsed(), s.grossFen(), s.shareFen(), now);
        for (PartyStatement.Line l : s.lines()) {
            Jdbc.update(c, "INSERT INTO settlement_statement_line (statement_id, role, instrument_id, operator_id, owner_id,"
                            + " orders_count, minutes_used, gross_fen, share_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    id, l.role(), l.instrumentId(), l.operatorId(), l.ownerId(), l.ordersCount(), l.minutesUsed(), l.grossFen(),
                    l.shareFen());
        }
        return id;
    }

    private int finish(SettlementPeriod period, String state, String message) {
        return jdbc.write(c -> {
            Jdbc.update(c, "UPDATE settlement_run SET state = ?, message = ?, finished_at = ?,"
                            + " parties_settled = (SELECT COUNT(*) FROM settlement_statement WHERE period = ?) WHERE period = ?",
                    state, message == null ? null : message.substring(0, Math.min(1000, message.length())), clock.instant(),
                    period.toString(), period.toString());
            return (int) Jdbc.count(c, "SELECT attempts FROM settlement_run WHERE period = ?", period.toString());
        });
    }
}
