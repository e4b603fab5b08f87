package cn.dayi.marketplace.notification;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.mail.BilingualText.Lang;
import cn.dayi.marketplace.web.ApiException;
import biweekly.property.Method;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The calendar file (ICS, METHOD PUBLISH) of a machine-time order for its buyer: the same UID as the
 * mails, so importing it updates the entry the mails made. Errors: 404 {@code ORDER_NOT_FOUND} (not
 * an order the caller can see), 403 {@code FORBIDDEN} (the operator's side: the file is the buyer's),
 * 422 {@code NO_TIME_WINDOW} (an order without a booked time).
 */
@Singleton
public class OrderCalendarFiles {

    private final Bookings bookings;
    private final Jdbc jdbc;
    private final OrderMessages messages;
    private final Clock clock;

    OrderCalendarFiles(Bookings bookings, Jdbc jdbc, OrderMessages messages, Clock clock) {
        this.bookings = bookings;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    /** The ICS text of order {@code orderId}. */
    public String ics(Actor actor, long orderId) {
        ServiceOrder o = bookings.get(actor, orderId);
        if (!actor.hasRoleIn(o.buyerOrganisation().id(), Role.BUYER_MEMBER)) {
            throw new ApiException.Forbidden("FORBIDDEN", "The calendar file is for the buyer's members.");
        }
        return jdbc.read(c -> {
            OrderFacts f = OrderFacts.load(c, orderId).orElseThrow();
            if (!f.hasWindow()) {
                throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NO_TIME_WINDOW",
                        "Order " + orderId + " books no time on an instrument, so it has no calendar entry.");
            }
            int sequence = (int) Jdbc.count(c, "SELECT COUNT(*) FROM service_order_event WHERE order_id = ?", orderId);
            String description = messages.calendarSummary(Lang.ZH, f) + "\n" + messages.calendarSummary(Lang.EN, f);
            return OrderCalendar.write(f, messages.calendarSummary(Lang.ZH, f), description, Method.PUBLISH, sequence,
                    clock.instant(), null);
        });
    }
}
