package cn.dayi.operator.revenue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.reporting.ReportYear;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the revenue reports read, for one year (Asia/Shanghai) and one scope (an owner's instruments or the orders an
 * operator served), gathered into cells per month × instrument × serving operator:
 * <ul>
 *   <li>{@link #splits}: per journal of an order posted in the year, what it credited (net, fen; reversals negative)
 *       to each revenue account — OWNER_PAYABLE, OPERATOR_PAYABLE (with its party), FISCAL_FUND_PAYABLE,
 *       PLATFORM_REVENUE. Their sum is the gross the ledger split.</li>
 *   <li>{@link #uses}: booked minutes of machine-time orders that were used (COMPLETED or REVIEWED), by the month they
 *       started.</li>
 *   <li>{@link #testingCompletions}: testing-service orders by the month they completed (their COMPLETED event).</li>
 * </ul>
 * Months are taken in Java (Asia/Shanghai), whatever time zone the database session has.
 */
final class RevenueSource {

    /** Effective hours a year a large instrument should be used: the Ministry of Education's standard, in minutes. */
    static final long STANDARD_MINUTES_PER_YEAR = 1_400L * 60;

    /** Whose figures: the instruments an owner owns, or the orders an operator served. */
    enum Scope {
        OWNER("i.owner_id = ?"), OPERATOR("so.operator_id = ?");

        final String where;

        Scope(String where) {
            this.where = where;
        }
    }

    /** The instrument of a cell, its owner and the operator that served the orders. */
    record Labels(long instrumentId, String code, String name, long ownerId, String ownerName, long operatorId,
                  String operatorName) {
    }

    /** A month × instrument × operator and its running figures, indexed by {@link Figure}. */
    record Cell(String month, Labels labels, long[] figures) {
        long get(Figure f) {
            return figures[f.ordinal()];
        }
    }

    /** The figures a cell accumulates. Money in fen (credits positive), minutes, counts. */
    enum Figure { GROSS, OWNER_PAYABLE, OPERATOR_PAYABLE, FISCAL_FUND_PAYABLE, PLATFORM_REVENUE, MINUTES, TESTING_COMPLETED }

    /** Cells in the order they were first met; the reports sort them. */
    static final class Grid {
        private final Map<String, Cell> cells = new LinkedHashMap<>();

        Cell at(String month, Labels l) {
            return cells.computeIfAbsent(month + "|" + l.instrumentId() + "|" + l.operatorId(),
                    k -> new Cell(month, l, new long[Figure.values().length]));
        }

        List<Cell> cells() {
            return new ArrayList<>(cells.values());
        }
    }

    private static final String LABELS = "i.id, i.code, i.name, i.owner_id, ow.name_zh, so.operator_id, op.name_zh";
    private static final String JOINS = "JOIN instrument i ON i.id = so.instrument_id"
            + " JOIN organisation ow ON ow.id = i.owner_id JOIN organisation op ON op.id = so.operator_id";

    private RevenueSource() {
    }

    /**
     * Reads the year's splits, uses and testing completions of the scope into a grid. The revenue-account credits
     * land in their figures; {@code partyFigure} credits count only for {@code partyId} (the report's own party),
     * other parties' credits to that account type still count in GROSS and, for the other types, in their figure.
     */
    static Grid read(Connection c, Scope scope, long id, int year, Figure partyFigure, long partyId) throws SQLException {
        Instant from = ReportYear.start(year);
        Instant to = ReportYear.end(year);
        Grid grid = new Grid();
        Jdbc.list(c, "SELECT j.posted_at, " + LABELS + ", a.type, a.party_id, -SUM(e.amount_fen) AS credited"
                + " FROM ledger_journal j JOIN service_order so ON so.id = j.order_id " + JOINS
                + " JOIN ledger_entry e ON e.journal_id = j.id JOIN ledger_account a ON a.id = e.account_id"
                + " WHERE " + scope.where + " AND j.posted_at >= ? AND j.posted_at < ?"
                + " AND a.type IN ('OWNER_PAYABLE', 'OPERATOR_PAYABLE', 'FISCAL_FUND_PAYABLE', 'PLATFORM_REVENUE')"
                + " GROUP BY j.id, j.posted_at, " + LABELS + ", a.type, a.party_id", rs -> {
            long[] v = grid.at(ReportYear.month(Jdbc.instant(rs, "posted_at")), labels(rs)).figures();
            Figure f = Figure.valueOf(rs.getString("type"));
            long fen = rs.getLong("credited");
            v[Figure.GROSS.ordinal()] += fen;
            if (f != partyFigure || rs.getLong("party_id") == partyId) {
                v[f.ordinal()] += fen;
            }
            return null;
        }, id, from, to);
        Jdbc.list(c, "SELECT so.starts_at, " + LABELS + ", TIMESTAMPDIFF(MINUTE, so.starts_at, so.ends_at) AS minutes"
                + " FROM service_order so " + JOINS + " WHERE " + scope.where
                + " AND so.kind = 'MACHINE_TIME' AND so.state IN ('COMPLETED', 'REVIEWED')"
                + " AND so.starts_at >= ? AND so.starts_at < ?", rs -> {
            grid.at(ReportYear.month(Jdbc.instant(rs, "starts_at")), labels(rs)).figures()[Figure.MINUTES.ordinal()]
                    += rs.getLong("minutes");
            return null;
        }, id, from, to);
        Jdbc.list(c, "SELECT MIN(ev.at) AS completed_at, " + LABELS + " FROM service_order so"
                + " JOIN service_order_event ev ON ev.order_id = so.id AND ev.to_state = 'COMPLETED' " + JOINS
                + " WHERE " + scope.where + " AND so.kind = 'TESTING' AND so.state IN ('COMPLETED', 'REVIEWED')"
                + " GROUP BY so.id, " + LABELS + " HAVING MIN(ev.at) >= ? AND MIN(ev.at) < ?", rs -> {
            grid.at(ReportYear.month(Jdbc.instant(rs, "completed_at")), labels(rs))
                    .figures()[Figure.TESTING_COMPLETED.ordinal()]++;
            return null;
        }, id, from, to);
        return grid;
    }

    private static Labels labels(ResultSet rs) throws SQLException {
        return new Labels(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("owner_id"),
                rs.getString(6), rs.getLong("operator_id"), rs.getString(8));
    }

    /** The cells' figures summed per month, all twelve months of the year in order ({@code yyyy-MM}). */
    static Map<String, long[]> byMonth(List<Cell> cells, int year) {
        Map<String, long[]> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(String.format("%04d-%02d", year, m), new long[Figure.values().length]);
        }
        for (Cell cell : cells) {
            add(months.get(cell.month()), cell.figures());
        }
        return months;
    }

    /** The cells' figures summed per instrument over the year (month null), sorted by instrument code. */
    static List<Cell> byInstrument(List<Cell> cells) {
        Map<Long, Cell> sums = new LinkedHashMap<>();
        for (Cell cell : cells) {
            add(sums.computeIfAbsent(cell.labels().instrumentId(),
                    k -> new Cell(null, cell.labels(), new long[Figure.values().length])).figures(), cell.figures());
        }
        return sums.values().stream().sorted(java.util.Comparator.comparing(c -> c.labels().code())).toList();
    }

    /** The cells' figures summed. */
    static long[] total(List<Cell> cells) {
        long[] sum = new long[Figure.values().length];
        cells.forEach(c -> add(sum, c.figures()));
        return sum;
    }

    private static void add(long[] into, long[] figures) {
        for (int i = 0; i < into.length; i++) {
            into[i] += figures[i];
        }
    }

    /** {@code part / whole} in basis points, rounded half up. */
    static long bp(long part, long whole) {
        return whole == 0 ? 0 : Math.floorDiv(part * 20_000 + whole, 2 * whole);
    }

    /** Utilisation of a month's minutes against 1,400 h ÷ 12, in basis points. */
    static long monthUtilisationBp(long minutes) {
        return bp(minutes, STANDARD_MINUTES_PER_YEAR / 12);
    }
}
