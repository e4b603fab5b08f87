package cn.dayi.marketplace.payment;

import cn.dayi.marketplace.db.Jdbc;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What an order still owes in cash, fen: the one place a card payment (and its check when the money
 * arrives) reads the amount to charge.
 *
 * <p><b>Vouchers plug in here.</b> Today it is the order's total. When part of an order is paid by an
 * innovation voucher (创新券), the voucher feature subtracts the amount its hold covers, read on the
 * same connection {@code c} so the check when Stripe reports the payment sees the same figure
 * (replace the body, or make this bean {@code @Replaces}-able; callers need not change).
 */
@Singleton
public class AmountDue {

    /**
     * @param c       a connection (inside the caller's transaction when there is one)
     * @param orderId the service order
     * @return order total minus any voucher hold, fen, ≥ 0
     */
    public long inCashFen(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, "SELECT total_fen FROM service_order WHERE id = ?", rs -> rs.getLong(1), orderId).orElse(0L);
    }
}
