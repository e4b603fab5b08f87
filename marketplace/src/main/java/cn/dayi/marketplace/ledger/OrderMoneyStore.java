package cn.dayi.marketplace.ledger;

import cn.dayi.marketplace.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL of an order's money: its payment, refunds, what is held and recognised, and who shares its revenue.
 * The sums are locking reads (LOCK IN SHARE MODE): inside a money transaction that has locked the order they read
 * the latest committed rows, not the transaction's older snapshot (REPEATABLE READ), so two refunds of one order
 * can never both see the same "refunded so far".
 */
final class OrderMoneyStore {

    private OrderMoneyStore() {
    }

    /** Locking reads inside a transaction (see above); plain reads in auto-commit, which see the latest rows anyway. */
    private static String lock(Connection c) throws SQLException {
        return c.getAutoCommit() ? "" : " LOCK IN SHARE MODE";
    }

    /** The recorded payment of an order. */
    record PaymentRow(String method, long amountFen, String currency, String reference) {
    }

    static Optional<PaymentRow> payment(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, "SELECT method, amount_fen, currency, reference FROM payment_record WHERE order_id = ?" + lock(c),
                rs -> new PaymentRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4)), orderId);
    }

    /** What the order's journals still hold for the buyer (BUYER_PREPAID, credit-normal), fen. */
    static long heldFen(Connection c, long orderId, String currency) throws SQLException {
        return -Jdbc.count(c, """
                SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e JOIN ledger_journal j ON j.id = e.journal_id
                JOIN ledger_account a ON a.id = e.account_id
                WHERE j.order_id = ? AND a.type = 'BUYER_PREPAID' AND e.currency = ?""" + lock(c), orderId, currency);
    }

    /** Fen of the order's voucher part still posted (VOUCHER_HELD less VOUCHER_RELEASED) on VOUCHER_RECEIVABLE. */
    static long voucherPostedFen(Connection c, long orderId, String currency) throws SQLException {
        return Jdbc.count(c, """
                SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e JOIN ledger_journal j ON j.id = e.journal_id
                JOIN ledger_account a ON a.id = e.account_id
                WHERE j.order_id = ? AND a.type = 'VOUCHER_RECEIVABLE' AND e.currency = ?""", orderId, currency);
    }

    /** Revenue recognised on the order, net of clawbacks, per revenue account (credit as positive fen). */
    static Map<AccountRef, Long> recognised(Connection c, long orderId, String currency) throws SQLException {
        Map<AccountRef, Long> out = new LinkedHashMap<>();
        for (Object[] r : Jdbc.list(c, """
                SELECT a.type, a.party_id, -SUM(e.amount_fen) FROM ledger_entry e JOIN ledger_journal j ON j.id = e.journal_id
                JOIN ledger_account a ON a.id = e.account_id
                WHERE j.order_id = ? AND e.currency = ?
                  AND a.type IN ('OWNER_PAYABLE', 'FISCAL_FUND_PAYABLE', 'OPERATOR_PAYABLE', 'PLATFORM_REVENUE')
                GROUP BY a.type, a.party_id ORDER BY a.type, a.party_id""" + lock(c),
                rs -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)}, orderId, currency)) {
            if ((Long) r[2] > 0) {
                out.put(new AccountRef(AccountType.valueOf((String) r[0]), (Long) r[1], currency), (Long) r[2]);
            }
        }
        return out;
    }

    /** Refunded so far: {total, of which voucher} fen. */
    static long[] refunded(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(SUM(amount_fen), 0), COALESCE(SUM(voucher_fen), 0) FROM order_refund "
                + "WHERE order_id = ?" + lock(c), rs -> new long[] {rs.getLong(1), rs.getLong(2)}, orderId).orElseThrow();
    }

    /** The buyer organisation of an order. */
    static long buyerOf(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, "SELECT buyer_org_id FROM service_order WHERE id = ?", rs -> rs.getLong(1), orderId).orElseThrow();
    }

    /** The journal of the refund recorded for card refund {@code cardRefundId}, if it has been recorded. */
    static Optional<Long> refundOfCard(Connection c, long cardRefundId) throws SQLException {
        return Jdbc.one(c, "SELECT journal_id FROM order_refund WHERE card_refund_id = ?", rs -> rs.getLong(1), cardRefundId);
    }

    static long refundedFen(Connection c, long orderId) throws SQLException {
        return Jdbc.count(c, "SELECT COALESCE(SUM(amount_fen), 0) FROM order_refund WHERE order_id = ?" + lock(c), orderId);
    }

    static long refundCount(Connection c, long orderId) throws SQLException {
        return Jdbc.count(c, "SELECT COUNT(*) FROM order_refund WHERE order_id = ?" + lock(c), orderId);
    }

    static List<OrderMoney.Refund> refunds(Connection c, long orderId) throws SQLException {
        return Jdbc.list(c, """
                SELECT r.id, r.amount_fen, r.currency, r.method, r.reason, r.recorded_by, p.display_name, r.recorded_at,
                       r.voucher_fen
                FROM order_refund r JOIN person p ON p.id = r.recorded_by WHERE r.order_id = ? ORDER BY r.id""",
                rs -> new OrderMoney.Refund(rs.getLong(1), rs.getLong(2), rs.getLong(2) - rs.getLong(9), rs.getLong(9),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6), rs.getString(7),
                        Jdbc.instant(rs, "recorded_at")), orderId);
    }

    static void insertRefund(Connection c, long orderId, RefundSplit split, String currency, String method, String reason,
                             long journalId, long by, Instant at, Long cardRefundId) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO order_refund (order_id, amount_fen, voucher_fen, currency, method, reason, journal_id, recorded_by,
                  recorded_at, card_refund_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orderId, split.totalFen(), split.voucherFen(), currency, method,
                reason, journalId, by, at, cardRefundId);
    }

    /** Locks the order row for a money change; its state. */
    static Optional<String> lockOrder(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, "SELECT state FROM service_order WHERE id = ? FOR UPDATE", rs -> rs.getString(1), orderId);
    }

    static Optional<Long> cancellationFeeFen(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, "SELECT cancellation_fee_fen FROM service_order WHERE id = ?",
                rs -> rs.getObject(1, Long.class), orderId);
    }

    /**
     * Who shares the instrument-use revenue of an order for {@code instrumentId} served by
     * {@code operatorId}: the entrustment between them covering the instrument (the active one, else
     * the latest that ended), else — the operator owning the instrument, or no entrustment found — the
     * operator's own terms (platform commission only).
     */
    static RevenueTerms terms(Connection c, long instrumentId, long operatorId, int ownCommissionBp) throws SQLException {
        Optional<RevenueTerms> entrusted = Jdbc.one(c, """
                SELECT e.id, e.owner_id, e.owner_share_bp, e.fiscal_share_bp, e.operator_share_bp, e.platform_share_bp,
                       e.fiscal_funded
                FROM entrustment e JOIN entrustment_instrument ei ON ei.entrustment_id = e.id
                WHERE ei.instrument_id = ? AND e.operator_id = ? AND e.state IN ('ACTIVE', 'EXPIRED', 'TERMINATED')
                ORDER BY (e.state = 'ACTIVE') DESC, e.id DESC LIMIT 1""",
                rs -> RevenueTerms.entrusted(operatorId, rs.getLong(2), rs.getLong(1), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), rs.getInt(6), rs.getBoolean(7)), instrumentId, operatorId);
        return entrusted.orElseGet(() -> RevenueTerms.own(operatorId, ownCommissionBp));
    }

    /** Adds a line to the order's audit trail (the order does not move). */
    static void orderEvent(Connection c, long orderId, String event, String state, long by, String reason, Instant at)
            throws SQLException {
        Jdbc.update(c, """
                INSERT INTO service_order_event (order_id, event, from_state, to_state, actor_person_id, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", orderId, event, state, state, by, reason, at);
    }
}
