package cn.dayi.marketplace.booking;

import java.time.Instant;

/**
 * Published (Micronaut application event) after a service order was created or moved and the
 * transaction committed: notifications and read models listen to it. Listeners that must change
 * the database atomically with the move implement {@link OrderTransitionListener} instead.
 *
 * @param orderId       the order
 * @param event         past-tense name of what happened (SUBMITTED, ACCEPTED, CHECKED_OUT …, see
 *                      {@link OrderLifecycle#TABLE})
 * @param from          state before; null when the order was just submitted
 * @param to            state after
 * @param actorPersonId who did it; null for the scheduler
 * @param reason        the reason given, if any
 * @param at            when (UTC)
 */
public record OrderTransitioned(long orderId, String event, OrderState from, OrderState to, Long actorPersonId,
                                String reason, Instant at) {
}
