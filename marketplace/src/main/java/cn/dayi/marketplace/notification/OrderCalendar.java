package cn.dayi.marketplace.notification;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import cn.dayi.marketplace.booking.OrderState;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The iCalendar (RFC 5545) entry of a machine-time order, written with biweekly: one VEVENT whose UID
 * is stable per order ({@code order-<id>@dayi}), so a calendar updates the same entry on every mail;
 * SEQUENCE counts the order's audit events, so later mails supersede earlier ones. Location names the
 * instrument, its operator and its address. METHOD is REQUEST while the order holds its time and
 * CANCEL once it gave the time back; a download uses PUBLISH.
 */
final class OrderCalendar {

    private OrderCalendar() {
    }

    /** The stable UID of an order's calendar entry. */
    static String uid(long orderId) {
        return "order-" + orderId + "@dayi";
    }

    /**
     * Which iTIP method a mail about an order now in {@code toState} carries, if any: REQUEST when it
     * was submitted or confirmed, CANCEL when its time was given back (rejected, cancelled, expired).
     */
    static Optional<String> methodFor(String toState) {
        OrderState s;
        try {
            s = OrderState.valueOf(toState);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
        if (s == OrderState.SUBMITTED || s == OrderState.CONFIRMED) {
            return Optional.of(Method.REQUEST);
        }
        if (!s.holdsSlots() && s != OrderState.NO_SHOW) {
            return Optional.of(Method.CANCEL);
        }
        return Optional.empty();
    }

    /**
     * The calendar text. {@code method} is REQUEST, CANCEL or PUBLISH; {@code organizerEmail} may be null.
     */
    static String write(OrderFacts f, String summary, String description, String method, int sequence, Instant stamp,
                        String organizerEmail) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Dayi//Dayi 大仪//ZH");
        ical.setMethod(new Method(method));
        VEvent e = new VEvent();
        e.setUid(uid(f.id()));
        e.setSequence(sequence);
        e.setDateTimeStamp(Date.from(stamp));
        e.setDateStart(Date.from(f.start()), true);
        e.setDateEnd(Date.from(f.end()), true);
        e.setSummary(summary);
        e.setDescription(description);
        e.setLocation(location(f));
        boolean cancelled = Method.CANCEL.equals(method) || !holdsTime(f.state());
        e.setStatus(cancelled ? Status.cancelled()
                : "SUBMITTED".equals(f.state()) || "AWAITING_PAYMENT".equals(f.state()) ? Status.tentative()
                : Status.confirmed());
        if (organizerEmail != null && !organizerEmail.isBlank()) {
            e.setOrganizer(new Organizer(f.operatorName(), organizerEmail));
        }
        ical.addEvent(e);
        return Biweekly.write(ical).go();
    }

    /** Instrument (code), operator, address. */
    static String location(OrderFacts f) {
        return f.instrumentName() + " (" + f.instrumentCode() + ") · " + f.operatorName()
                + (f.place() == null || f.place().isBlank() ? "" : " · " + f.place());
    }

    private static boolean holdsTime(String state) {
        try {
            return OrderState.valueOf(state).holdsSlots();
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
