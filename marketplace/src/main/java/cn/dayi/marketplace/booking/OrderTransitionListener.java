package cn.dayi.marketplace.booking;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Work that must commit or roll back together with an order's state move (e.g. ledger postings at
 * payment and completion). Beans implementing this are called inside the transaction that moves the
 * order, after the move and its audit event are written; throwing rolls the whole move back. Keep it
 * short: the order row is locked meanwhile.
 */
public interface OrderTransitionListener {

    /**
     * @param c      the transaction's connection
     * @param before the order as it was before the move
     * @param t      the transition made ({@code t.to()} is the new state)
     * @param now    the instant of the move (UTC)
     */
    void onTransition(Connection c, ServiceOrder before, OrderLifecycle.Transition t, Instant now) throws SQLException;

    /**
     * Called inside the transaction that creates an order (state SUBMITTED), after the order row and
     * its SUBMITTED audit event are written; throwing rolls the booking back. Does nothing unless
     * overridden.
     *
     * @param c       the transaction's connection
     * @param orderId the new order
     * @param now     the instant of the submission (UTC)
     */
    default void onSubmitted(Connection c, long orderId, Instant now) throws SQLException {
    }
}
