package cn.dayi.marketplace.booking;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A part of an order's total that is paid otherwise than in cash (today: an innovation voucher held
 * or captured for it). Features implement it; {@link Bookings#cashDueFen} subtracts every cover from
 * the total, so card and bank-transfer payments ask for the rest only. Booking knows no voucher.
 */
public interface OrderCover {

    /** Fen of {@code orderId}'s total covered now (0 when none); read on {@code c}. */
    long coveredFen(Connection c, long orderId) throws SQLException;
}
