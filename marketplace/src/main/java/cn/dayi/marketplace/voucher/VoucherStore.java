package cn.dayi.marketplace.voucher;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.voucher.VoucherRule.GrantFacts;
import cn.dayi.marketplace.voucher.VoucherRule.Terms;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SQL of the voucher tables. Lock order, everywhere: the order row (by the booking transaction),
 * then grant rows in id order, then voucher_use rows, then the claim. Balances change only while
 * the grant row is locked.
 */
final class VoucherStore {

    private VoucherStore() {
    }

    /** The order as the rule and the hold need it. */
    record OrderRow(long id, String state, long totalFen, long instrumentId, String categoryCode, long operatorId,
                    String operatorRegion, long buyerId) {
    }

    /** A voucher use of an order. */
    record UseRow(long id, long orderId, String kind, long grantId, long operatorId, long amountFen, String state,
                  Long claimId) {
    }

    static Optional<OrderRow> order(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, """
                SELECT o.id, o.state, o.total_fen, o.instrument_id, i.category_code, o.operator_id, op.region_code,
                       o.buyer_org_id
                FROM service_order o JOIN instrument i ON i.id = o.instrument_id
                JOIN organisation op ON op.id = o.operator_id WHERE o.id = ?""",
                rs -> new OrderRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
                        rs.getLong(6), rs.getString(7), rs.getLong(8)), orderId);
    }

    /** The region and its parents up to the top, e.g. 440305, 440300, 440000, CN. */
    static List<String> regionPath(Connection c, String region) throws SQLException {
        List<String> path = new ArrayList<>();
        String at = region;
        while (at != null && path.size() < 10) {
            path.add(at);
            at = Jdbc.one(c, "SELECT parent_code FROM region WHERE code = ?", rs -> rs.getString(1), at).orElse(null);
        }
        return path;
    }

    static Terms terms(Connection c, long programmeId) throws SQLException {
        Set<String> regions = new HashSet<>(Jdbc.list(c,
                "SELECT region_code FROM voucher_programme_region WHERE programme_id = ?", rs -> rs.getString(1), programmeId));
        Set<String> categories = new HashSet<>();
        Set<Long> instruments = new HashSet<>();
        for (Object[] row : Jdbc.list(c, "SELECT category_code, instrument_id FROM voucher_programme_scope WHERE programme_id = ?",
                rs -> new Object[] {rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2)}, programmeId)) {
            if (row[0] != null) {
                categories.add((String) row[0]);
            } else {
                instruments.add((Long) row[1]);
            }
        }
        return Jdbc.one(c, "SELECT * FROM voucher_programme WHERE id = ?", rs -> new Terms(rs.getLong("id"),
                ProgrammeType.valueOf(rs.getString("type")), Jdbc.date(rs, "valid_from"), Jdbc.date(rs, "valid_until"),
                Set.copyOf(regions), Set.copyOf(categories), Set.copyOf(instruments), rs.getInt("cover_bp"),
                nullableLong(rs, "full_cover_below_fen"), nullableLong(rs, "per_order_cap_fen"),
                nullableLong(rs, "yearly_cap_fen")), programmeId).orElseThrow();
    }

    /**
     * The enterprise's grants as the rule sees them on {@code on}. With {@code lock}, the grant rows
     * are locked (FOR UPDATE, id order) and every figure is read current, not from a snapshot.
     */
    static List<GrantFacts> grantFacts(Connection c, long enterpriseId, LocalDate on, boolean lock) throws SQLException {
        record G(long id, long programmeId, boolean active, LocalDate validUntil, long availableFen) {
        }
        List<G> grants = Jdbc.list(c, "SELECT id, programme_id, state, valid_until, "
                        + "quota_fen - held_fen - captured_fen - expired_fen FROM voucher_grant WHERE enterprise_id = ? "
                        + "ORDER BY id" + (lock ? " FOR UPDATE" : ""),
                rs -> new G(rs.getLong(1), rs.getLong(2), "ACTIVE".equals(rs.getString(3)), Jdbc.date(rs, "valid_until"),
                        rs.getLong(5)), enterpriseId);
        Instant yearStart = LocalDate.of(on.getYear(), 1, 1).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
        Instant yearEnd = LocalDate.of(on.getYear() + 1, 1, 1).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
        Map<Long, Terms> terms = new HashMap<>();
        List<GrantFacts> out = new ArrayList<>();
        for (G g : grants) {
            long used = Jdbc.count(c, "SELECT COALESCE(SUM(amount_fen), 0) FROM voucher_use WHERE grant_id = ? "
                    + "AND state IN ('HELD', 'CAPTURED') AND held_at >= ? AND held_at < ?" + (lock ? " LOCK IN SHARE MODE" : ""),
                    g.id(), yearStart, yearEnd);
            Terms t = terms.get(g.programmeId());
            if (t == null) {
                t = terms(c, g.programmeId());
                terms.put(g.programmeId(), t);
            }
            out.add(new GrantFacts(g.id(), enterpriseId, g.active(), g.validUntil(), g.availableFen(), used, t));
        }
        return out;
    }

    /** Takes {@code amountFen} of the grant's available quota into held; false when it no longer fits. */
    static boolean hold(Connection c, long grantId, long amountFen) throws SQLException {
        return Jdbc.update(c, """
                UPDATE voucher_grant SET held_fen = held_fen + ?, updated_at = CURRENT_TIMESTAMP(3)
                WHERE id = ? AND state = 'ACTIVE' AND quota_fen - held_fen - captured_fen - expired_fen >= ?""",
                amountFen, grantId, amountFen) == 1;
    }

    /** Takes {@code amountFen} of the grant's available quota straight into captured (a subsidy). */
    static boolean captureDirect(Connection c, long grantId, long amountFen) throws SQLException {
        return Jdbc.update(c, """
                UPDATE voucher_grant SET captured_fen = captured_fen + ?, updated_at = CURRENT_TIMESTAMP(3)
                WHERE id = ? AND state = 'ACTIVE' AND quota_fen - held_fen - captured_fen - expired_fen >= ?""",
                amountFen, grantId, amountFen) == 1;
    }

    static void lockGrant(Connection c, long grantId) throws SQLException {
        Jdbc.one(c, "SELECT id FROM voucher_grant WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), grantId);
    }

    static Optional<UseRow> use(Connection c, long orderId, String kind) throws SQLException {
        return Jdbc.one(c, "SELECT id, order_id, kind, grant_id, operator_id, amount_fen, state, claim_id FROM voucher_use "
                + "WHERE order_id = ? AND kind = ?", VoucherStore::useRow, orderId, kind);
    }

    static UseRow useRow(ResultSet rs) throws SQLException {
        return new UseRow(rs.getLong("id"), rs.getLong("order_id"), rs.getString("kind"), rs.getLong("grant_id"),
                rs.getLong("operator_id"), rs.getLong("amount_fen"), rs.getString("state"), nullableLong(rs, "claim_id"));
    }

    static long insertUse(Connection c, long orderId, String kind, long grantId, long operatorId, long amountFen,
                          String state, Instant now, Long claimId) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO voucher_use (order_id, kind, grant_id, operator_id, amount_fen, state, held_at, "
                        + "captured_at, claim_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", orderId, kind, grantId, operatorId,
                amountFen, state, now, "CAPTURED".equals(state) ? now : null, claimId);
    }

    /** HELD → CAPTURED: the grant's held part becomes captured. Locks the grant first. */
    static void capture(Connection c, UseRow u, Instant now) throws SQLException {
        lockGrant(c, u.grantId());
        Jdbc.update(c, "UPDATE voucher_grant SET held_fen = held_fen - ?, captured_fen = captured_fen + ?, "
                + "updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?", u.amountFen(), u.amountFen(), u.grantId());
        Jdbc.update(c, "UPDATE voucher_use SET state = 'CAPTURED', captured_at = ? WHERE id = ?", now, u.id());
    }

    /**
     * Gives {@code fen} of a HELD or CAPTURED use back to its grant (a refund): the grant's held or captured part
     * shrinks by it (and, when the grant has lapsed meanwhile, the amount is lost to expiry rather than available
     * again); the use keeps paying {@code amount_fen - fen}; a use given back wholly is RELEASED (REFUNDED).
     * Locks the grant first.
     */
    static void giveBack(Connection c, UseRow u, long fen, Instant now) throws SQLException {
        if (fen <= 0 || fen > u.amountFen()) {
            throw new IllegalArgumentException("cannot give back " + fen + " fen of a voucher use of " + u.amountFen());
        }
        lockGrant(c, u.grantId());
        String from = "HELD".equals(u.state()) ? "held_fen" : "captured_fen";
        Jdbc.update(c, "UPDATE voucher_grant SET " + from + " = " + from + " - ?, expired_fen = expired_fen + "
                + "IF(state = 'EXPIRED', ?, 0), updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?", fen, fen, u.grantId());
        boolean whole = fen == u.amountFen();
        Jdbc.update(c, "UPDATE voucher_use SET amount_fen = amount_fen - ?, refunded_fen = refunded_fen + ?"
                + (whole ? ", state = 'RELEASED', released_at = ?, release_reason = 'REFUNDED'" : "") + " WHERE id = ?",
                whole ? new Object[] {fen, fen, now, u.id()} : new Object[] {fen, fen, u.id()});
    }

    /**
     * HELD or CAPTURED → RELEASED: the amount returns to the grant's available quota, or to its expired
     * part when the grant has lapsed meanwhile. Locks the grant first.
     */
    static void release(Connection c, UseRow u, String reason, Instant now) throws SQLException {
        lockGrant(c, u.grantId());
        String from = "HELD".equals(u.state()) ? "held_fen" : "captured_fen";
        Jdbc.update(c, "UPDATE voucher_grant SET " + from + " = " + from + " - ?, expired_fen = expired_fen + "
                + "IF(state = 'EXPIRED', ?, 0), updated_at = CURRENT_TIMESTAMP(3) WHERE id = ?", u.amountFen(),
                u.amountFen(), u.grantId());
        Jdbc.update(c, "UPDATE voucher_use SET state = 'RELEASED', released_at = ?, release_reason = ? WHERE id = ?",
                now, reason, u.id());
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
