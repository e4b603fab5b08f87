package cn.dayi.marketplace.fiscal;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.reporting.ReportYear;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fiscal report (财政资金报表) for one calendar year (Asia/Shanghai), read from the voucher tables and the ledger
 * (read-only queries of its own, so the voucher and ledger services stay as they are):
 * <ul>
 *   <li><b>voucher spend</b> by programme, by region and by instrument category: {@code capturedFen} is the voucher
 *       money captured on completed orders in the year (standard vouchers and post-payment subsidies) that is still
 *       captured — a voucher released later (refund) no longer counts, so the figure is net of releases and refunds;
 *       {@code uses} how many orders; {@code heldFen} what is held on open orders now (whatever the year). The region
 *       is where the instrument stands (its district; the operator's region when the instrument has none), the
 *       category the instrument's national category.</li>
 *   <li><b>fiscal share</b> by month: what journals of orders posted in the month credited to FISCAL_FUND_PAYABLE
 *       (the fiscal fund's share of fiscal-funded instruments' revenue), reversals and refund claw-backs
 *       subtracting — the movement of the fiscal fund's payable that the ledger balances API shows.</li>
 *   <li><b>reimbursements due</b> now (all periods): voucher claims — operators' redemptions (兑付) and enterprises'
 *       subsidies (先缴后补) — SUBMITTED (waiting for a decision) and APPROVED (owed; payouts are not recorded yet, so
 *       every approved claim is unpaid), per claimant, kind and programme.</li>
 * </ul>
 * Money in fen (CNY). Who: fiscal officers and platform admins; anyone else 403 {@code FORBIDDEN}. Errors: 400
 * {@code YEAR_INVALID} outside 2000–2100.
 */
@Singleton
public class FiscalReport {

    /**
     * Voucher spend of one programme, region or category.
     *
     * @param key        programme id, region code or category code ("" when unknown)
     * @param label      the programme's name, the region's or category's Chinese and English name
     * @param type       the programme's type (STANDARD, POST_PAYMENT_SUBSIDY); null for regions and categories
     * @param capturedFen voucher money captured in the year and still captured, fen
     * @param uses       orders those captures are on
     * @param heldFen    held on open orders now, fen
     */
    @Serdeable
    public record Spend(String key, String label, String type, long capturedFen, long uses, long heldFen) {
    }

    /** The fiscal fund's share credited in one month ({@code yyyy-MM}), fen. */
    @Serdeable
    public record FiscalMonth(String month, long fiscalShareFen) {
    }

    /**
     * Outstanding claims of one claimant, kind and programme.
     *
     * @param kind            REDEMPTION (an operator's) or SUBSIDY (an enterprise's)
     * @param submittedFen    waiting for the fiscal officer's decision, fen; {@code submittedClaims} how many claims
     * @param approvedFen     approved and not yet paid, fen; {@code approvedClaims} how many claims
     */
    @Serdeable
    public record Due(long claimantId, String claimantName, String kind, long programmeId, String programmeName,
                      long submittedFen, long submittedClaims, long approvedFen, long approvedClaims) {
    }

    /** The report; lists sorted by label (spend), month (twelve months), claimant then programme (due). */
    @Serdeable
    public record Report(int year, List<Spend> byProgramme, List<Spend> byRegion, List<Spend> byCategory,
                         long capturedFen, long uses, long heldFen, List<FiscalMonth> fiscalShare, long fiscalShareFen,
                         List<Due> due, long submittedFen, long approvedFen) {
    }

    private final Jdbc jdbc;

    public FiscalReport(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Report of(Actor actor, int year) {
        actor.requireRole(Role.FISCAL_OFFICER, Role.PLATFORM_ADMIN);
        ReportYear.check(year);
        Instant from = ReportYear.start(year);
        Instant to = ReportYear.end(year);
        return jdbc.read(c -> {
            List<UseGroup> groups = uses(c, from, to);
            List<Spend> programmes = spend(groups, g -> g.programmeId, g -> g.programmeName, g -> g.programmeType);
            List<Spend> regions = spend(groups, g -> g.regionCode, g -> g.regionName, g -> null);
            List<Spend> categories = spend(groups, g -> g.categoryCode, g -> g.categoryName, g -> null);
            List<FiscalMonth> months = fiscalShare(c, year, from, to);
            List<Due> due = due(c);
            return new Report(year, programmes, regions, categories,
                    programmes.stream().mapToLong(Spend::capturedFen).sum(), programmes.stream().mapToLong(Spend::uses).sum(),
                    programmes.stream().mapToLong(Spend::heldFen).sum(), months,
                    months.stream().mapToLong(FiscalMonth::fiscalShareFen).sum(), due,
                    due.stream().mapToLong(Due::submittedFen).sum(), due.stream().mapToLong(Due::approvedFen).sum());
        });
    }

    /** Voucher uses captured in the year or held now, summed per programme × region × category × state. */
    private record UseGroup(String programmeId, String programmeName, String programmeType, String regionCode,
                            String regionName, String categoryCode, String categoryName, boolean held, long fen,
                            long uses) {
    }

    private static List<UseGroup> uses(Connection c, Instant from, Instant to) throws SQLException {
        return Jdbc.list(c, """
                SELECT p.id, p.name, p.type, r.code AS region_code, r.name_zh AS region_zh, r.name_en AS region_en,
                       cat.code AS category_code, cat.name_zh AS category_zh, cat.name_en AS category_en,
                       u.state, SUM(u.amount_fen) AS fen, COUNT(*) AS uses
                FROM voucher_use u
                JOIN voucher_grant g ON g.id = u.grant_id
                JOIN voucher_programme p ON p.id = g.programme_id
                JOIN service_order so ON so.id = u.order_id
                JOIN instrument i ON i.id = so.instrument_id
                JOIN organisation op ON op.id = u.operator_id
                LEFT JOIN region r ON r.code = COALESCE(i.region_code, op.region_code)
                LEFT JOIN category cat ON cat.code = i.category_code
                WHERE (u.state = 'CAPTURED' AND u.captured_at >= ? AND u.captured_at < ?) OR u.state = 'HELD'
                GROUP BY p.id, p.name, p.type, r.code, r.name_zh, r.name_en, cat.code, cat.name_zh, cat.name_en, u.state""",
                rs -> new UseGroup(rs.getString("id"), rs.getString("name"), rs.getString("type"),
                        orEmpty(rs.getString("region_code")), label(rs.getString("region_zh"), rs.getString("region_en")),
                        orEmpty(rs.getString("category_code")), label(rs.getString("category_zh"), rs.getString("category_en")),
                        "HELD".equals(rs.getString("state")), rs.getLong("fen"), rs.getLong("uses")), from, to);
    }

    private static List<Spend> spend(List<UseGroup> groups, Function<UseGroup, String> key,
                                     Function<UseGroup, String> label, Function<UseGroup, String> type) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        Map<String, UseGroup> first = new LinkedHashMap<>();
        for (UseGroup g : groups) {
            long[] v = sums.computeIfAbsent(key.apply(g), k -> new long[3]);
            first.putIfAbsent(key.apply(g), g);
            if (g.held()) {
                v[2] += g.fen();
            } else {
                v[0] += g.fen();
                v[1] += g.uses();
            }
        }
        List<Spend> out = new ArrayList<>();
        sums.forEach((k, v) -> out.add(new Spend(k, label.apply(first.get(k)), type.apply(first.get(k)), v[0], v[1], v[2])));
        out.sort(Comparator.comparing(Spend::label).thenComparing(Spend::key));
        return out;
    }

    private static List<FiscalMonth> fiscalShare(Connection c, int year, Instant from, Instant to) throws SQLException {
        Map<String, Long> months = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(String.format("%04d-%02d", year, m), 0L);
        }
        Jdbc.list(c, """
                SELECT j.posted_at, -SUM(e.amount_fen) AS credited
                FROM ledger_journal j
                JOIN ledger_entry e ON e.journal_id = j.id
                JOIN ledger_account a ON a.id = e.account_id
                WHERE a.type = 'FISCAL_FUND_PAYABLE' AND j.order_id IS NOT NULL AND j.posted_at >= ? AND j.posted_at < ?
                GROUP BY j.id, j.posted_at""", rs -> {
            months.merge(ReportYear.month(Jdbc.instant(rs, "posted_at")), rs.getLong("credited"), Long::sum);
            return null;
        }, from, to);
        List<FiscalMonth> out = new ArrayList<>();
        months.forEach((m, fen) -> out.add(new FiscalMonth(m, fen)));
        return out;
    }

    private static List<Due> due(Connection c) throws SQLException {
        return Jdbc.list(c, """
                SELECT k.claimant_id, o.name_zh, k.kind, k.programme_id, p.name,
                       SUM(CASE WHEN k.state = 'SUBMITTED' THEN k.amount_fen ELSE 0 END) AS submitted_fen,
                       SUM(CASE WHEN k.state = 'SUBMITTED' THEN 1 ELSE 0 END) AS submitted_claims,
                       SUM(CASE WHEN k.state = 'APPROVED' THEN k.amount_fen ELSE 0 END) AS approved_fen,
                       SUM(CASE WHEN k.state = 'APPROVED' THEN 1 ELSE 0 END) AS approved_claims
                FROM voucher_claim k
                JOIN organisation o ON o.id = k.claimant_id
                JOIN voucher_programme p ON p.id = k.programme_id
                WHERE k.state IN ('SUBMITTED', 'APPROVED')
                GROUP BY k.claimant_id, o.name_zh, k.kind, k.programme_id, p.name
                ORDER BY o.name_zh, k.claimant_id, p.name, k.programme_id, k.kind""",
                rs -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getLong("submitted_fen"), rs.getLong("submitted_claims"), rs.getLong("approved_fen"),
                        rs.getLong("approved_claims")));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String label(String zh, String en) {
        return zh == null ? "未知 Unknown" : en == null ? zh : zh + " " + en;
    }
}
