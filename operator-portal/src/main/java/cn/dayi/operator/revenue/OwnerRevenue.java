package cn.dayi.operator.revenue;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.reporting.ReportYear;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.operator.revenue.RevenueSource.Figure;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The owner revenue report of one owner (产权单位) for one calendar year (Asia/Shanghai), one row per month,
 * instrument and operator that had revenue or use:
 * <ul>
 *   <li><b>gross</b> (fen): the instrument's revenue earned in the month — what the ledger split among the
 *       revenue accounts (owner, fiscal fund, operator, platform) in journals of its orders posted in the month
 *       (completions, late-cancellation and no-show fees; reversing journals subtract). Service fees of testing
 *       orders count in gross but go wholly to the operator.</li>
 *   <li><b>owner share</b> (fen): the part credited to this owner's OWNER_PAYABLE account in those journals —
 *       read from the ledger, never recomputed, so it is exactly what settlement pays.</li>
 *   <li><b>hours used</b>: booked time of machine-time orders that were used (COMPLETED or REVIEWED), by the month the
 *       booking started.</li>
 *   <li><b>utilisation</b> (basis points): hours used ÷ (1,400 h ÷ 12) per month, the Ministry of Education's
 *       standard of 1,400 effective hours a year for a large instrument (domain.md, seed 003); totals against
 *       1,400 h for the whole year. Over 100 % is possible and shown as it is.</li>
 * </ul>
 * Who: the owner's OWNER_ADMINs and platform admins; anyone else 404 {@code OWNER_NOT_FOUND}. Errors: 400
 * {@code YEAR_INVALID} outside 2000–2100.
 */
@Singleton
public class OwnerRevenue {

    /** Effective hours a year a large instrument should be used (1,400 h, the Ministry of Education's standard), minutes. */
    public static final long STANDARD_MINUTES_PER_YEAR = RevenueSource.STANDARD_MINUTES_PER_YEAR;

    /** One month × instrument × operator. Money in fen (CNY); utilisation in basis points (10,000 = 100 %). */
    @Serdeable
    public record Row(String month, long instrumentId, String instrumentCode, String instrumentName, String operatorName,
                      long grossFen, long ownerShareFen, long usedMinutes, long utilisationBp) {
    }

    /** One month of the year, all instruments together (for the chart). */
    @Serdeable
    public record Month(String month, long grossFen, long ownerShareFen, long usedMinutes) {
    }

    /** One instrument over the year against 1,400 h. */
    @Serdeable
    public record InstrumentYear(long instrumentId, String instrumentCode, String instrumentName, long grossFen,
                                 long ownerShareFen, long usedMinutes, long utilisationBp) {
    }

    /** The report: rows by month then instrument; twelve months; instruments with revenue or use in the year. */
    @Serdeable
    public record Report(long ownerId, String ownerName, int year, List<Row> rows, List<Month> months,
                         List<InstrumentYear> instruments, long grossFen, long ownerShareFen, long usedMinutes) {
    }

    private final Jdbc jdbc;

    public OwnerRevenue(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Report of(Actor actor, long ownerId, int year) {
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(ownerId, Role.OWNER_ADMIN)) {
            throw new ApiException.NotFound("OWNER_NOT_FOUND", "There is no owner " + ownerId + " whose reports you may read.");
        }
        ReportYear.check(year);
        return jdbc.read(c -> {
            String ownerName = Jdbc.one(c, "SELECT name_zh FROM organisation WHERE id = ?", rs -> rs.getString(1), ownerId)
                    .orElseThrow(() -> new ApiException.NotFound("OWNER_NOT_FOUND", "There is no owner " + ownerId + "."));
            RevenueSource.Grid grid = RevenueSource.read(c, RevenueSource.Scope.OWNER, ownerId, year,
                    Figure.OWNER_PAYABLE, ownerId);
            return assemble(ownerId, ownerName, year, grid);
        });
    }

    private static Report assemble(long ownerId, String ownerName, int year, RevenueSource.Grid grid) {
        // a testing order completed without revenue in the year is not the owner report's business
        List<RevenueSource.Cell> cells = grid.cells().stream().filter(c -> c.get(Figure.GROSS) != 0
                || c.get(Figure.MINUTES) != 0 || c.get(Figure.OWNER_PAYABLE) != 0).toList();
        List<Row> rows = new ArrayList<>();
        for (RevenueSource.Cell cell : cells) {
            RevenueSource.Labels l = cell.labels();
            rows.add(new Row(cell.month(), l.instrumentId(), l.code(), l.name(), l.operatorName(), cell.get(Figure.GROSS),
                    cell.get(Figure.OWNER_PAYABLE), cell.get(Figure.MINUTES),
                    RevenueSource.monthUtilisationBp(cell.get(Figure.MINUTES))));
        }
        rows.sort(Comparator.comparing(Row::month).thenComparing(Row::instrumentCode).thenComparing(Row::operatorName));
        List<Month> months = new ArrayList<>();
        RevenueSource.byMonth(cells, year).forEach((month, v) -> months.add(new Month(month,
                v[Figure.GROSS.ordinal()], v[Figure.OWNER_PAYABLE.ordinal()], v[Figure.MINUTES.ordinal()])));
        List<InstrumentYear> instruments = RevenueSource.byInstrument(cells).stream().map(i -> new InstrumentYear(
                i.labels().instrumentId(), i.labels().code(), i.labels().name(), i.get(Figure.GROSS),
                i.get(Figure.OWNER_PAYABLE), i.get(Figure.MINUTES), bp(i.get(Figure.MINUTES), STANDARD_MINUTES_PER_YEAR)))
                .toList();
        long[] total = RevenueSource.total(cells);
        return new Report(ownerId, ownerName, year, rows, months, instruments, total[Figure.GROSS.ordinal()],
                total[Figure.OWNER_PAYABLE.ordinal()], total[Figure.MINUTES.ordinal()]);
    }

    /** {@code part / whole} in basis points, rounded half up. */
    static long bp(long part, long whole) {
        return RevenueSource.bp(part, whole);
    }

    /** The months and instruments of the report as the charts draw them. */
    RevenueChart chart(Report r) {
        return RevenueChart.of(r.months().stream().map(m -> new RevenueChart.MonthFigures(m.month(), m.grossFen(),
                m.ownerShareFen())).toList(), r.instruments().stream().map(i -> new RevenueChart.InstrumentFigures(
                i.instrumentCode(), i.instrumentName(), i.usedMinutes(), i.utilisationBp())).toList());
    }
}
