package cn.dayi.ops.settlement;

import cn.dayi.marketplace.db.Jdbc;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statement figures from the orders COMPLETED in the period: an order belongs to the period in
 * which its completion (the {@code COMPLETED} audit event, which never changes) falls, in
 * Asia/Shanghai. Per instrument and operator: number of orders, the sum of their totals (gross,
 * before the revenue split), the machine time booked, and the party's share as the ledger posted it
 * (the order's OWNER_PAYABLE credits for the owner, OPERATOR_PAYABLE for the operator, in journals
 * posted within the period — where its completion is posted — so a closed period always reads the same). The operator that served
 * the orders and the owner of the instrument each get a statement; an operator's own instrument
 * appears on its statement in both roles and its orders count once in the totals.
 *
 * <p>All parties' statements of a period come from two grouped queries — one pass over the period's
 * completions, one over the payable accounts' ledger entries of the period — grouped by instrument, operator and
 * owner in the database and cut per party in Java, so the work grows with the orders but the memory only with
 * the instruments × operators. A closed period's statements are kept (the last period asked) while a
 * settlement run asks party by party; an open period is read afresh every time.
 */
@Singleton
public class CompletedOrdersSource implements SettlementSource {

    /**
     * The period's completed orders per instrument, operator and owner: count, minutes, gross. One pass over the
     * period's COMPLETED events. Binds: start, end.
     */
    private static final String CELLS = """
            SELECT o.instrument_id, o.operator_id, i.owner_id, COUNT(*),
                   COALESCE(SUM(TIMESTAMPDIFF(MINUTE, o.starts_at, o.ends_at)), 0), SUM(o.total_fen)
            FROM service_order_event e
            JOIN service_order o ON o.id = e.order_id
            JOIN instrument i ON i.id = o.instrument_id
            WHERE e.to_state = 'COMPLETED' AND e.at >= ? AND e.at < ?
            GROUP BY o.instrument_id, o.operator_id, i.owner_id""";

    /**
     * The owner's and the operator's shares of those orders: the credits to OWNER_PAYABLE and OPERATOR_PAYABLE posted
     * within the period (a completion is posted with its COMPLETED event; corrections after the period's end do not
     * change it) on orders completed in the period. One pass over the payable accounts' entries of the period.
     * Binds: start, end (entries), start, end (completions).
     */
    private static final String SHARES = """
            SELECT o.instrument_id, o.operator_id, i.owner_id,
                   -SUM(CASE WHEN la.type = 'OWNER_PAYABLE' THEN le.amount_fen ELSE 0 END),
                   -SUM(CASE WHEN la.type = 'OPERATOR_PAYABLE' THEN le.amount_fen ELSE 0 END)
            FROM ledger_account la
            JOIN ledger_entry le ON le.account_id = la.id AND le.posted_at >= ? AND le.posted_at < ?
            JOIN ledger_journal j ON j.id = le.journal_id
            JOIN service_order_event e ON e.order_id = j.order_id AND e.to_state = 'COMPLETED' AND e.at >= ? AND e.at < ?
            JOIN service_order o ON o.id = j.order_id
            JOIN instrument i ON i.id = o.instrument_id
            WHERE la.type IN ('OWNER_PAYABLE', 'OPERATOR_PAYABLE')
            GROUP BY o.instrument_id, o.operator_id, i.owner_id""";

    /** One instrument × operator × owner of the period. */
    private record Cell(long instrumentId, long operatorId, long ownerId, int orders, long minutes, long grossFen) {
    }

    private static final Comparator<PartyStatement.Line> LINE_ORDER = Comparator
            .comparing(PartyStatement.Line::role).thenComparingLong(PartyStatement.Line::instrumentId)
            .thenComparingLong(PartyStatement.Line::operatorId);

    private final Jdbc jdbc;
    private final Clock clock;
    /** The statements of the last closed period asked for. */
    private volatile Map.Entry<SettlementPeriod, Map<Long, PartyStatement>> kept;

    public CompletedOrdersSource(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Long> parties(SettlementPeriod period) {
        return List.copyOf(all(period).keySet());
    }

    @Override
    public PartyStatement statement(long partyId, SettlementPeriod period) {
        PartyStatement s = all(period).get(partyId);
        return s != null ? s : new PartyStatement(partyId, 0, 0, 0, 0, List.of());
    }

    /** Every party's statement of the period, by party id (ascending). */
    public Map<Long, PartyStatement> all(SettlementPeriod period) {
        Map.Entry<SettlementPeriod, Map<Long, PartyStatement>> k = kept;
        if (k != null && k.getKey().equals(period)) {
            return k.getValue();
        }
        Map<Long, PartyStatement> statements = read(period);
        if (period.isClosedAt(clock.instant())) {
            kept = Map.entry(period, statements);
        }
        return statements;
    }

    private Map<Long, PartyStatement> read(SettlementPeriod period) {
        return jdbc.read(c -> {
            List<Cell> cells = Jdbc.list(c, CELLS, rs -> new Cell(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                    rs.getLong(5), rs.getLong(6)), period.start(), period.end());
            Map<String, long[]> shares = new HashMap<>();
            Jdbc.list(c, SHARES, rs -> shares.put(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3),
                    new long[] {rs.getLong(4), rs.getLong(5)}), period.start(), period.end(), period.start(), period.end());
            Map<Long, List<PartyStatement.Line>> lines = new HashMap<>();
            Map<Long, long[]> totals = new HashMap<>(); // orders, minutes, gross; an own instrument's order once
            for (Cell cell : cells) {
                long[] share = shares.getOrDefault(cell.instrumentId() + "/" + cell.operatorId() + "/" + cell.ownerId(),
                        new long[2]);
                lines.computeIfAbsent(cell.operatorId(), p -> new ArrayList<>()).add(line(PartyStatement.Role.OPERATOR, cell,
                        share[1]));
                lines.computeIfAbsent(cell.ownerId(), p -> new ArrayList<>()).add(line(PartyStatement.Role.OWNER, cell,
                        share[0]));
                add(totals, cell.operatorId(), cell);
                if (cell.ownerId() != cell.operatorId()) {
                    add(totals, cell.ownerId(), cell);
                }
            }
            Map<Long, PartyStatement> out = new TreeMap<>();
            totals.forEach((party, t) -> {
                List<PartyStatement.Line> ls = lines.get(party).stream().sorted(LINE_ORDER).toList();
                out.put(party, new PartyStatement(party, (int) t[0], t[1], t[2],
                        ls.stream().mapToLong(PartyStatement.Line::shareFen).sum(), ls));
            });
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    private static PartyStatement.Line line(PartyStatement.Role role, Cell cell, long shareFen) {
        return new PartyStatement.Line(role, cell.instrumentId(), cell.operatorId(), cell.ownerId(), cell.orders(),
                cell.minutes(), cell.grossFen(), shareFen);
    }

    private static void add(Map<Long, long[]> totals, long party, Cell cell) {
        long[] t = totals.computeIfAbsent(party, p -> new long[3]);
        t[0] += cell.orders();
        t[1] += cell.minutes();
        t[2] += cell.grossFen();
    }
}
