package cn.dayi.marketplace.payment;

import cn.dayi.marketplace.booking.Bookings;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What an order still owes in cash, fen: the one place a card payment (and its check when the money
 * arrives) reads the amount to charge.
 *
 * <p>It is {@link Bookings#cashDueFen}: the order's total less the innovation voucher (创新券) held or
 * captured for it, read on the same connection {@code c} so the check when Stripe reports the payment
 * sees the same figure as the charge.
 */
@Singleton
public class AmountDue {

    private final Bookings bookings;

    AmountDue(Bookings bookings) {
        this.bookings = bookings;
    }

    /**
     * @param c       a connection (inside the caller's transaction when there is one)
     * @param orderId the service order
     * @return order total minus any voucher hold, fen, ≥ 0
     */
    public long inCashFen(Connection c, long orderId) throws SQLException {
        return bookings.cashDueFen(c, orderId);
    }
}
