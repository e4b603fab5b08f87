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
 * posted before the period's end, so a closed period always reads the same). The operator that served
 * the orders and the owner of the instrument each get a statement; an operator's own instrument
 * appears on its statement in both roles and its orders count once in the totals.
 *
 * <p>All parties' statements of a period come from two grouped queries (one pass over the period's
 * orders and their ledger legs each), so the work grows with the orders but the memory only with the
 * parties × instruments. A closed period's statements are kept (the last period asked) while a
 * settlement run asks party by party; an open period is read afresh every time.
 */
@Singleton
public class CompletedOrdersSource implements SettlementSource {

    /**
     * Completed orders of the period ({@code ?} = start, end) with instrument, operator, owner, total, minutes, and
     * the owner's and the operator's shares from the ledger (second pair of {@code ?} = end, for the journals).
     */
    private static final String COMPLETED = """
            SELECT o.id, o.instrument_id, o.operator_id, i.owner_id, o.total_fen,
                   COALESCE(TIMESTAMPDIFF(MINUTE, o.starts_at, o.ends_at), 0) AS minutes,
                   COALESCE(s.owner_share, 0) AS owner_share, COALESCE(s.operator_share, 0) AS operator_share
            FROM service_order o
            JOIN service_order_event e ON e.order_id = o.id AND e.to_state = 'COMPLETED'
            JOIN instrument i ON i.id = o.instrument_id
            LEFT JOIN (
                SELECT j.order_id,
                       -SUM(CASE WHEN la.type = 'OWNER_PAYABLE' THEN le.amount_fen ELSE 0 END) AS owner_share,
                       -SUM(CASE WHEN la.type = 'OPERATOR_PAYABLE' THEN le.amount_fen ELSE 0 END) AS operator_share
                FROM ledger_journal j
                JOIN ledger_entry le ON le.journal_id = j.id
                JOIN ledger_account la ON la.id = le.account_id
                WHERE j.order_id IS NOT NULL AND j.posted_at < ? AND la.type IN ('OWNER_PAYABLE', 'OPERATOR_PAYABLE')
                GROUP BY j.order_id) s ON s.order_id = o.id
            WHERE e.at >= ? AND e.at < ?""";

    /** Per party: distinct orders, minutes, gross (an own instrument's order once). */
    private static final String TOTALS = "SELECT party, COUNT(*), SUM(minutes), SUM(total_fen) FROM ("
            + " SELECT c.operator_id AS party, c.minutes, c.total_fen FROM (" + COMPLETED + ") c"
            + " UNION ALL"
            + " SELECT c.owner_id, c.minutes, c.total_fen FROM (" + COMPLETED + ") c WHERE c.owner_id <> c.operator_id"
            + ") t GROUP BY party";

    /** Per party, role, instrument and operator: orders, minutes, gross, the party's share. */
    private static final String LINES = "SELECT 'OPERATOR' AS role, c.operator_id AS party, c.instrument_id, c.operator_id,"
            + " c.owner_id, COUNT(*), SUM(c.minutes), SUM(c.total_fen), SUM(c.operator_share)"
            + " FROM (" + COMPLETED + ") c GROUP BY c.operator_id, c.instrument_id, c.owner_id"
            + " UNION ALL"
            + " SELECT 'OWNER', c.owner_id, c.instrument_id, c.operator_id, c.owner_id, COUNT(*), SUM(c.minutes),"
            + " SUM(c.total_fen), SUM(c.owner_share)"
            + " FROM (" + COMPLETED + ") c GROUP BY c.owner_id, c.instrument_id, c.operator_id";

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
        Object[] once = {period.end(), period.start(), period.end()};
        return jdbc.read(c -> {
            Map<Long, long[]> totals = new HashMap<>();
            Jdbc.list(c, TOTALS, rs -> totals.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}),
                    concat(once, once));
            Map<Long, List<PartyStatement.Line>> lines = new HashMap<>();
            Jdbc.list(c, LINES, rs -> lines.computeIfAbsent(rs.getLong(2), p -> new ArrayList<>()).add(new PartyStatement.Line(
                    PartyStatement.Role.valueOf(rs.getString(1)), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getInt(6),
                    rs.getLong(7), rs.getLong(8), rs.getLong(9))), concat(once, once));
            Map<Long, PartyStatement> out = new TreeMap<>();
            totals.forEach((party, t) -> {
                List<PartyStatement.Line> ls = lines.getOrDefault(party, List.of()).stream().sorted(LINE_ORDER).toList();
                out.put(party, new PartyStatement(party, (int) t[0], t[1], t[2],
                        ls.stream().mapToLong(PartyStatement.Line::shareFen).sum(), ls));
            });
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
