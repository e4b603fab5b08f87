package cn.dayi.marketplace.booking;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A rule a move must pass besides the transition table (e.g. a testing order cannot be accepted
 * without a quote while it has items priced on request, nor delivered without a result file). Runs
 * inside the transaction of the move, before the state changes; throwing (an {@code ApiException})
 * refuses the move and saves nothing.
 */
interface CommandGuard {

    void check(Connection c, ServiceOrder before, OrderLifecycle.Transition t) throws SQLException;
}
