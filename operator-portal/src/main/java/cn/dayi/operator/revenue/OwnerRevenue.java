package cn.dayi.operator.revenue;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** Effective hours a year a large instrument should be used: the Ministry of Education's standard. */
    public static final long STANDARD_MINUTES_PER_YEAR = 1_400L * 60;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
        if (year < 2000 || year > 2100) {
            throw new ApiException.ValidationFailed("year", "YEAR_INVALID", "Give a calendar year between 2000 and 2100.");
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(SHANGHAI).toInstant();
        return jdbc.read(c -> {
            String ownerName = Jdbc.one(c, "SELECT name_zh FROM organisation WHERE id = ?", rs -> rs.getString(1), ownerId)
                    .orElseThrow(() -> new ApiException.NotFound("OWNER_NOT_FOUND", "There is no owner " + ownerId + "."));
            Map<String, long[]> cells = new LinkedHashMap<>(); // key month|instrument|operator → gross, owner, minutes
            Map<String, String[]> labels = new LinkedHashMap<>();
            // money: per journal of the owner's instruments' orders posted in the year; months are taken in Java
            // (Asia/Shanghai), whatever time zone the database session has
            Jdbc.list(c, """
                    SELECT j.posted_at, i.id, i.code, i.name, op.name_zh,
                           -SUM(CASE WHEN a.type IN ('OWNER_PAYABLE', 'OPERATOR_PAYABLE', 'FISCAL_FUND_PAYABLE',
                                                     'PLATFORM_REVENUE') THEN e.amount_fen ELSE 0 END) AS gross,
                           -SUM(CASE WHEN a.type = 'OWNER_PAYABLE' AND a.party_id = ? THEN e.amount_fen ELSE 0 END) AS owner,
                           so.operator_id
                    FROM ledger_journal j
                    JOIN service_order so ON so.id = j.order_id
                    JOIN instrument i ON i.id = so.instrument_id
                    JOIN organisation op ON op.id = so.operator_id
                    JOIN ledger_entry e ON e.journal_id = j.id
                    JOIN ledger_account a ON a.id = e.account_id
                    WHERE i.owner_id = ? AND j.posted_at >= ? AND j.posted_at < ?
                    GROUP BY j.id, j.posted_at, i.id, i.code, i.name, op.name_zh, so.operator_id""", rs -> {
                long[] v = cell(cells, labels, month(Jdbc.instant(rs, "posted_at")), rs, rs.getLong(8));
                v[0] += rs.getLong(6);
                v[1] += rs.getLong(7);
                return null;
            }, ownerId, ownerId, from, to);
            // use: machine-time bookings that were used, by the month they started
            Jdbc.list(c, """
                    SELECT so.starts_at, i.id, i.code, i.name, op.name_zh,
                           TIMESTAMPDIFF(MINUTE, so.starts_at, so.ends_at) AS minutes, so.operator_id
                    FROM service_order so
                    JOIN instrument i ON i.id = so.instrument_id
                    JOIN organisation op ON op.id = so.operator_id
                    WHERE i.owner_id = ? AND so.kind = 'MACHINE_TIME' AND so.state IN ('COMPLETED', 'REVIEWED')
                      AND so.starts_at >= ? AND so.starts_at < ?""", rs -> {
                cell(cells, labels, month(Jdbc.instant(rs, "starts_at")), rs, rs.getLong(7))[2] += rs.getLong(6);
                return null;
            }, ownerId, from, to);
            return assemble(ownerId, ownerName, year, cells, labels);
        });
    }

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM").withZone(SHANGHAI);

    private static String month(Instant at) {
        return MONTH.format(at);
    }

    /**
     * The running totals (gross, owner share, minutes) of a month × instrument × operator; instrument id, code, name
     * and operator name from columns 2–5 of rs.
     */
    private static long[] cell(Map<String, long[]> cells, Map<String, String[]> labels, String month, ResultSet rs,
                               long operatorId) throws SQLException {
        String key = month + "|" + rs.getLong(2) + "|" + operatorId;
        labels.putIfAbsent(key, new String[] {month, Long.toString(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5)});
        return cells.computeIfAbsent(key, k -> new long[3]);
    }

    private static Report assemble(long ownerId, String ownerName, int year, Map<String, long[]> cells,
                                   Map<String, String[]> labels) {
        long monthMinutes = STANDARD_MINUTES_PER_YEAR / 12;
        List<Row> rows = new ArrayList<>();
        cells.forEach((key, v) -> {
            String[] l = labels.get(key);
            rows.add(new Row(l[0], Long.parseLong(l[1]), l[2], l[3], l[4], v[0], v[1], v[2], bp(v[2], monthMinutes)));
        });
        rows.sort(Comparator.comparing(Row::month).thenComparing(Row::instrumentCode).thenComparing(Row::operatorName));
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            String month = String.format("%04d-%02d", year, m);
            List<Row> of = rows.stream().filter(r -> r.month().equals(month)).toList();
            months.add(new Month(month, of.stream().mapToLong(Row::grossFen).sum(),
                    of.stream().mapToLong(Row::ownerShareFen).sum(), of.stream().mapToLong(Row::usedMinutes).sum()));
        }
        Map<Long, InstrumentYear> byInstrument = new LinkedHashMap<>();
        for (Row r : rows) {
            byInstrument.merge(r.instrumentId(), new InstrumentYear(r.instrumentId(), r.instrumentCode(), r.instrumentName(),
                    r.grossFen(), r.ownerShareFen(), r.usedMinutes(), 0), (a, b) -> new InstrumentYear(a.instrumentId(),
                    a.instrumentCode(), a.instrumentName(), a.grossFen() + b.grossFen(), a.ownerShareFen() + b.ownerShareFen(),
                    a.usedMinutes() + b.usedMinutes(), 0));
        }
        List<InstrumentYear> instruments = byInstrument.values().stream()
                .map(i -> new InstrumentYear(i.instrumentId(), i.instrumentCode(), i.instrumentName(), i.grossFen(),
                        i.ownerShareFen(), i.usedMinutes(), bp(i.usedMinutes(), STANDARD_MINUTES_PER_YEAR)))
                .sorted(Comparator.comparing(InstrumentYear::instrumentCode)).toList();
        return new Report(ownerId, ownerName, year, rows, months, instruments, rows.stream().mapToLong(Row::grossFen).sum(),
                rows.stream().mapToLong(Row::ownerShareFen).sum(), rows.stream().mapToLong(Row::usedMinutes).sum());
    }

    /** {@code part / whole} in basis points, rounded half up. */
    static long bp(long part, long whole) {
        return whole == 0 ? 0 : Math.floorDiv(part * 20_000 + whole, 2 * whole);
    }
}
