package cn.dayi.ops.settlement;

import cn.dayi.marketplace.db.Jdbc;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement figures from the orders COMPLETED in the period: an order belongs to the period in
 * which its completion (the {@code COMPLETED} audit event, which never changes) falls, in
 * Asia/Shanghai. Per instrument and operator: number of orders, the sum of their totals (gross,
 * before the revenue split) and the machine time booked. The operator that served the orders and
 * the owner of the instrument each get a statement; an operator's own instrument appears on its
 * statement in both roles.
 */
@Singleton
public class CompletedOrdersSource implements SettlementSource {

    /** Completed orders of the period with instrument, operator, owner, total and minutes. */
    private static final String COMPLETED = """
            SELECT o.id, o.instrument_id, o.operator_id, i.owner_id, o.total_fen,
                   TIMESTAMPDIFF(MINUTE, o.starts_at, o.ends_at) AS minutes
            FROM service_order o
            JOIN service_order_event e ON e.order_id = o.id AND e.to_state = 'COMPLETED'
            JOIN instrument i ON i.id = o.instrument_id
            WHERE e.at >= ? AND e.at < ?""";

    private final Jdbc jdbc;

    public CompletedOrdersSource(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> parties(SettlementPeriod period) {
        return jdbc.read(c -> Jdbc.list(c, "SELECT operator_id AS party FROM (" + COMPLETED + ") a UNION SELECT owner_id FROM ("
                + COMPLETED + ") b ORDER BY party", rs -> rs.getLong(1),
                period.start(), period.end(), period.start(), period.end()));
    }

    @Override
    public PartyStatement statement(long partyId, SettlementPeriod period) {
        return jdbc.read(c -> {
            var totals = Jdbc.one(c, "SELECT COUNT(*), COALESCE(SUM(minutes), 0), COALESCE(SUM(total_fen), 0) FROM ("
                            + COMPLETED + ") t WHERE operator_id = ? OR owner_id = ?",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)},
                    period.start(), period.end(), partyId, partyId).orElseThrow();
            List<PartyStatement.Line> lines = new ArrayList<>();
            for (PartyStatement.Role role : PartyStatement.Role.values()) {
                String column = role == PartyStatement.Role.OPERATOR ? "operator_id" : "owner_id";
                lines.addAll(Jdbc.list(c, "SELECT instrument_id, operator_id, owner_id, COUNT(*), SUM(minutes), SUM(total_fen)"
                                + " FROM (" + COMPLETED + ") t WHERE " + column + " = ?"
                                + " GROUP BY instrument_id, operator_id, owner_id ORDER BY instrument_id, operator_id",
                        rs -> new PartyStatement.Line(role, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                                rs.getLong(5), rs.getLong(6)),
                        period.start(), period.end(), partyId));
            }
            return new PartyStatement(partyId, (int) totals[0], totals[1], totals[2], lines);
        });
    }
}
