package cn.dayi.ops.settlement;

import cn.dayi.marketplace.db.Jdbc;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement figures from the orders COMPLETED in the period: an order belongs to the period in
 * which its completion (the {@code COMPLETED} audit event, which never changes) falls, in
 * Asia/Shanghai. Per instrument and operator: number of orders, the sum of their totals (gross,
 * before the revenue split), the machine time booked, and the party's share as the ledger posted it. The operator that served the orders and
 * the owner of the instrument each get a statement; an operator's own instrument appears on its
 * statement in both roles.
 */
@Singleton
public class CompletedOrdersSource implements SettlementSource {

    /**
     * Completed orders of the period with instrument, operator, owner, total, minutes, and the owner's and the
     * operator's shares as posted to the ledger before the period's end (so a closed period always reads the same).
     */
    private static final String COMPLETED = """
            SELECT o.id, o.instrument_id, o.operator_id, i.owner_id, o.total_fen,
                   TIMESTAMPDIFF(MINUTE, o.starts_at, o.ends_at) AS minutes,
                   COALESCE((SELECT -SUM(le.amount_fen) FROM ledger_journal j
                             JOIN ledger_entry le ON le.journal_id = j.id
                             JOIN ledger_account la ON la.id = le.account_id
                             WHERE j.order_id = o.id AND j.posted_at < ? AND la.type = 'OWNER_PAYABLE'
                               AND la.party_id = i.owner_id), 0) AS owner_share,
                   COALESCE((SELECT -SUM(le.amount_fen) FROM ledger_journal j
                             JOIN ledger_entry le ON le.journal_id = j.id
                             JOIN ledger_account la ON la.id = le.account_id
                             WHERE j.order_id = o.id AND j.posted_at < ? AND la.type = 'OPERATOR_PAYABLE'
                               AND la.party_id = o.operator_id), 0) AS operator_share
            FROM service_order o
            JOIN service_order_event e ON e.order_id = o.id AND e.to_state = 'COMPLETED'
            JOIN instrument i ON i.id = o.instrument_id
            WHERE e.at >= ? AND e.at < ?""";

    /** The bind values of {@link #COMPLETED} for a period. */
    private static Object[] window(SettlementPeriod p) {
        return new Object[] {p.end(), p.end(), p.start(), p.end()};
    }

    private static Object[] with(Object[] head, Object... tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    private final Jdbc jdbc;

    public CompletedOrdersSource(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> parties(SettlementPeriod period) {
        return jdbc.read(c -> Jdbc.list(c, "SELECT operator_id AS party FROM (" + COMPLETED + ") a UNION SELECT owner_id FROM ("
                + COMPLETED + ") b ORDER BY party", rs -> rs.getLong(1), with(window(period), window(period))));
    }

    @Override
    public PartyStatement statement(long partyId, SettlementPeriod period) {
        return jdbc.read(c -> {
            var totals = Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(minutes), 0), COALESCE(SUM(total_fen), 0) FROM ("
                            + COMPLETED + ") t WHERE operator_id = ? OR owner_id = ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                    with(window(period), partyId, partyId)).orElseThrow();
            List<PartyStatement.Line> lines = new ArrayList<>();
            for (PartyStatement.Role role : PartyStatement.Role.values()) {
                String column = role == PartyStatement.Role.OPERATOR ? "operator_id" : "owner_id";
                String share = role == PartyStatement.Role.OPERATOR ? "operator_share" : "owner_share";
                lines.addAll(Jdbc.list(c, "SELECT instrument_id, operator_id, owner_id, COUNT(*), SUM(minutes), SUM(total_fen), "
                                + "SUM(" + share + ")"
                                + " FROM (" + COMPLETED + ") t WHERE " + column + " = ?"
                                + " GROUP BY instrument_id, operator_id, owner_id ORDER BY instrument_id, operator_id",
                        rs -> new PartyStatement.Line(role, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                        with(window(period), partyId)));
            }
            return new PartyStatement(partyId, (int) totals[0], totals[1], totals[2],
                    lines.stream().mapToLong(PartyStatement.Line::shareFen).sum(), lines);
        });
    }
}
