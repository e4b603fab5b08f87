package cn.dayi.operator.revenue;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.reporting.ReportYear;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.operator.revenue.RevenueSource.Cell;
import cn.dayi.operator.revenue.RevenueSource.Figure;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The operator revenue report (运营收益报表) of one service operator for one calendar year (Asia/Shanghai), one row per
 * month and instrument the operator served orders on — entrusted instruments and its own ({@code own}: the operator
 * owns the instrument):
 * <ul>
 *   <li><b>gross</b> (fen): what the ledger split among the revenue accounts in journals of the operator's orders on
 *       the instrument posted that month (completions, late-cancellation and no-show fees; reversing journals
 *       subtract) — as the owner report counts it.</li>
 *   <li><b>operator share</b> (fen): what those journals credited to this operator's OPERATOR_PAYABLE, service fees
 *       (e.g. the urgent surcharge) included — from the ledger, so it is what settlement pays.</li>
 *   <li><b>platform commission</b>, <b>owner share</b>, <b>fiscal share</b> (fen), for transparency: the credits to
 *       PLATFORM_REVENUE, OWNER_PAYABLE (whichever owner) and FISCAL_FUND_PAYABLE in the same journals. The four
 *       shares sum to the gross.</li>
 *   <li><b>hours used</b> and <b>utilisation</b> (basis points) against 1,400 h/year (116.7 h a month): booked time of
 *       the operator's used (COMPLETED or REVIEWED) machine-time orders by the month they started.</li>
 *   <li><b>testing orders completed</b>: the operator's testing-service orders by the month they completed.</li>
 * </ul>
 * Who: the operator's OPERATOR_MANAGER or OPERATOR_FINANCE and platform admins; anyone else 404
 * {@code OPERATOR_NOT_FOUND}. Errors: 400 {@code YEAR_INVALID} outside 2000–2100.
 */
@Singleton
public class OperatorRevenue {

    /** One month × instrument. Money in fen (CNY); utilisation in basis points (10,000 = 100 %). */
    @Serdeable
    public record Row(String month, long instrumentId, String instrumentCode, String instrumentName, boolean own,
                      String ownerName, long grossFen, long operatorShareFen, long platformFen, long ownerShareFen,
                      long fiscalShareFen, long usedMinutes, long utilisationBp, long testingCompleted) {
    }

    /** One month of the year, all instruments together (for the chart). */
    @Serdeable
    public record Month(String month, long grossFen, long operatorShareFen, long usedMinutes, long testingCompleted) {
    }

    /** One instrument over the year; utilisation against 1,400 h. */
    @Serdeable
    public record InstrumentYear(long instrumentId, String instrumentCode, String instrumentName, boolean own,
                                 long grossFen, long operatorShareFen, long usedMinutes, long utilisationBp,
                                 long testingCompleted) {
    }

    /**
     * The report: rows by month then instrument code; twelve months; instruments with revenue, use or completed testing
     * orders in the year; the year's totals.
     */
    @Serdeable
    public record Report(long operatorId, String operatorName, int year, List<Row> rows, List<Month> months,
                         List<InstrumentYear> instruments, long grossFen, long operatorShareFen, long platformFen,
                         long ownerShareFen, long fiscalShareFen, long usedMinutes, long testingCompleted) {
    }

    private final Jdbc jdbc;

    public OperatorRevenue(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Report of(Actor actor, long operatorId, int year) {
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(operatorId, Role.OPERATOR_MANAGER, Role.OPERATOR_FINANCE)) {
            throw new ApiException.NotFound("OPERATOR_NOT_FOUND",
                    "There is no operator " + operatorId + " whose reports you may read.");
        }
        ReportYear.check(year);
        return jdbc.read(c -> {
            String name = Jdbc.one(c, "SELECT name_zh FROM organisation WHERE id = ?", rs -> rs.getString(1), operatorId)
                    .orElseThrow(() -> new ApiException.NotFound("OPERATOR_NOT_FOUND", "There is no operator " + operatorId + "."));
            RevenueSource.Grid grid = RevenueSource.read(c, RevenueSource.Scope.OPERATOR, operatorId, year,
                    Figure.OPERATOR_PAYABLE, operatorId);
            return assemble(operatorId, name, year, grid.cells());
        });
    }

    private static Report assemble(long operatorId, String operatorName, int year, List<Cell> cells) {
        List<Row> rows = new ArrayList<>();
        for (Cell cell : cells) {
            boolean own = cell.labels().ownerId() == operatorId;
            rows.add(new Row(cell.month(), cell.labels().instrumentId(), cell.labels().code(), cell.labels().name(), own,
                    cell.labels().ownerName(), cell.get(Figure.GROSS), cell.get(Figure.OPERATOR_PAYABLE),
                    cell.get(Figure.PLATFORM_REVENUE), cell.get(Figure.OWNER_PAYABLE), cell.get(Figure.FISCAL_FUND_PAYABLE),
                    cell.get(Figure.MINUTES), RevenueSource.monthUtilisationBp(cell.get(Figure.MINUTES)),
                    cell.get(Figure.TESTING_COMPLETED)));
        }
        rows.sort(Comparator.comparing(Row::month).thenComparing(Row::instrumentCode));
        List<Month> months = new ArrayList<>();
        RevenueSource.byMonth(cells, year).forEach((month, v) -> months.add(new Month(month, v[Figure.GROSS.ordinal()],
                v[Figure.OPERATOR_PAYABLE.ordinal()], v[Figure.MINUTES.ordinal()], v[Figure.TESTING_COMPLETED.ordinal()])));
        List<InstrumentYear> instruments = RevenueSource.byInstrument(cells).stream().map(i -> new InstrumentYear(
                i.labels().instrumentId(), i.labels().code(), i.labels().name(), i.labels().ownerId() == operatorId,
                i.get(Figure.GROSS), i.get(Figure.OPERATOR_PAYABLE), i.get(Figure.MINUTES),
                RevenueSource.bp(i.get(Figure.MINUTES), RevenueSource.STANDARD_MINUTES_PER_YEAR),
                i.get(Figure.TESTING_COMPLETED))).toList();
        long[] t = RevenueSource.total(cells);
        return new Report(operatorId, operatorName, year, rows, months, instruments, t[Figure.GROSS.ordinal()],
                t[Figure.OPERATOR_PAYABLE.ordinal()], t[Figure.PLATFORM_REVENUE.ordinal()], t[Figure.OWNER_PAYABLE.ordinal()],
                t[Figure.FISCAL_FUND_PAYABLE.ordinal()], t[Figure.MINUTES.ordinal()], t[Figure.TESTING_COMPLETED.ordinal()]);
    }

    /** The months and instruments of the report as the charts draw them (gross against the operator's share). */
    RevenueChart chart(Report r) {
        return RevenueChart.of(r.months().stream().map(m -> new RevenueChart.MonthFigures(m.month(), m.grossFen(),
                m.operatorShareFen())).toList(), r.instruments().stream().map(i -> new RevenueChart.InstrumentFigures(
                i.instrumentCode(), i.instrumentName(), i.usedMinutes(), i.utilisationBp())).toList());
    }
}
