package cn.dayi.marketplace.notification;

import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.OrderLifecycle;
import cn.dayi.marketplace.booking.OrderTransitionListener;
import cn.dayi.marketplace.booking.OrderTransitioned;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.mail.BilingualText;
import cn.dayi.marketplace.mail.BilingualText.Lang;
import cn.dayi.marketplace.mail.Mail;
import cn.dayi.marketplace.mail.MailOutbox;
import cn.dayi.marketplace.mail.MailSettings;
import io.micronaut.context.event.ApplicationEventListener;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people of every state change of a service order: an inbox row per person and, when mail is
 * on, an outbox mail per person, both written on the connection of the transaction that moves (or
 * creates) the order. So a committed move always has its notifications and a rolled-back one none,
 * and the mail goes out even if the node dies right after the commit.
 *
 * <p><b>Who hears.</b> The other side of whoever acted: a buyer's act (a new order, a cancellation)
 * goes to the operator's staff (manager, technician, finance); an operator's act (accept, reject,
 * payment, check-in …) to the buyer organisation's BUYER_MEMBERs; the scheduler's (expiry) to both.
 * The person who placed the order always hears of it (a receipt, with the calendar file); nobody is
 * told of what they did themselves otherwise. Which side acted comes from the transition table
 * ({@link OrderLifecycle.Transition#by()}), the words from the event's name and the order's data
 * ({@link OrderMessages}), so transitions added later are told without changes here.
 *
 * <p><b>Once.</b> Rows are keyed by the audit event ({@code service_order_event.id}) and the person
 * (UNIQUE), mails by the same pair; so the after-commit {@link OrderTransitioned} SUBMITTED event,
 * which this bean also handles for order kinds whose creation does not call
 * {@link #onSubmitted}, adds nothing when the in-transaction call already wrote them.
 */
@Singleton
public class OrderNotifier implements OrderTransitionListener, ApplicationEventListener<OrderTransitioned> {

    private static final Logger LOG = LoggerFactory.getLogger(OrderNotifier.class);
    private static final String INBOX = "/inbox";

    private final Jdbc jdbc;
    private final MailOutbox outbox;
    private final MailSettings settings;
    private final OrderMessages messages;
    private final BilingualText text;

    OrderNotifier(Jdbc jdbc, MailOutbox outbox, MailSettings settings, OrderMessages messages, BilingualText text) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.settings = settings;
        this.messages = messages;
        this.text = text;
    }

    @Override
    public void onTransition(Connection c, ServiceOrder before, OrderLifecycle.Transition t, Instant now)
            throws SQLException {
        notify(c, before.id(), OrderFacts.Event.latest(c, before.id()), t.by(), now);
    }

    @Override
    public void onSubmitted(Connection c, long orderId, Instant now) throws SQLException {
        notify(c, orderId, OrderFacts.Event.first(c, orderId, "SUBMITTED"), OrderLifecycle.Party.BUYER, now);
    }

    /** After commit: a SUBMITTED order not yet told of (e.g. created by a path without the in-transaction call). */
    @Override
    public void onApplicationEvent(OrderTransitioned event) {
        if (!"SUBMITTED".equals(event.event())) {
            return;
        }
        try {
            jdbc.write(c -> {
                Optional<OrderFacts.Event> submitted = OrderFacts.Event.first(c, event.orderId(), "SUBMITTED");
                if (submitted.isPresent() && Jdbc.count(c, "SELECT COUNT(*) FROM notification WHERE order_event_id = ?",
                        submitted.get().id()) == 0) {
                    notify(c, event.orderId(), submitted, OrderLifecycle.Party.BUYER, event.at());
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Could not notify of new order {}", event.orderId(), e);
        }
    }

    private void notify(Connection c, long orderId, Optional<OrderFacts.Event> found, OrderLifecycle.Party by, Instant now)
            throws SQLException {
        Optional<OrderFacts> order = OrderFacts.load(c, orderId);
        if (order.isEmpty() || found.isEmpty()) {
            return;
        }
        OrderFacts f = order.get();
        OrderFacts.Event e = found.get();
        Map<Long, String> people = recipients(c, f, by, e.actorPersonId());
        if (people.isEmpty()) {
            return;
        }
        Optional<String> method = f.hasWindow() ? OrderCalendar.methodFor(e.to()) : Optional.empty();
        String mailLink = settings.baseUrl() + INBOX;
        OrderMessages.Text zhInbox = messages.render(Lang.ZH, f, e, null, false);
        OrderMessages.Text enInbox = messages.render(Lang.EN, f, e, null, false);
        OrderMessages.Text zhMail = messages.render(Lang.ZH, f, e, mailLink, method.isPresent());
        OrderMessages.Text enMail = messages.render(Lang.EN, f, e, mailLink, method.isPresent());
        String ics = method.isEmpty() ? null : OrderCalendar.write(f, messages.calendarSummary(Lang.ZH, f),
                zhMail.body() + "\n\n" + enMail.body(), method.get(), OrderFacts.Event.sequence(c, orderId, e.id()), now,
                fromAddress());
        for (Map.Entry<Long, String> p : people.entrySet()) {
            Jdbc.update(c, """
                    INSERT IGNORE INTO notification (person_id, order_id, order_event_id, event, subject_zh, subject_en,
                                                     body_zh, body_en, link, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", p.getKey(), orderId, e.id(), e.event(), zhInbox.subject(),
                    enInbox.subject(), zhInbox.body(), enInbox.body(), INBOX, now);
            outbox.enqueue(c, new Mail(p.getValue(), text.subject(zhMail.subject(), enMail.subject()),
                    text.body(zhMail.body(), enMail.body()), ics, method.orElse(null),
                    "order-event:" + e.id() + ":" + p.getKey()));
        }
    }

    /** Person id → e-mail of everyone to tell, see the class comment. */
    private static Map<Long, String> recipients(Connection c, OrderFacts f, OrderLifecycle.Party by, Long actor)
            throws SQLException {
        Map<Long, String> out = new LinkedHashMap<>();
        if (by != OrderLifecycle.Party.OPERATOR) {
            String roles = Role.OPERATOR_STAFF.stream().map(r -> "'" + r.name() + "'").collect(Collectors.joining(","));
            members(c, f.operatorId(), roles, out);
        }
        if (by != OrderLifecycle.Party.BUYER) {
            members(c, f.buyerOrganisationId(), "'" + Role.BUYER_MEMBER.name() + "'", out);
        }
        if (actor != null) {
            out.remove(actor);
        }
        Jdbc.one(c, "SELECT id, email FROM person WHERE id = ? AND active", rs -> Map.entry(rs.getLong(1), rs.getString(2)),
                f.buyerPersonId()).ifPresent(p -> out.put(p.getKey(), p.getValue()));
        return out;
    }

    private static void members(Connection c, long organisationId, String roles, Map<Long, String> out) throws SQLException {
        for (Map.Entry<Long, String> p : Jdbc.list(c, "SELECT DISTINCT p.id, p.email FROM membership m "
                        + "JOIN person p ON p.id = m.person_id WHERE m.organisation_id = ? AND p.active AND m.role IN (" + roles
                        + ") ORDER BY p.id", rs -> Map.entry(rs.getLong(1), rs.getString(2)), organisationId)) {
            out.put(p.getKey(), p.getValue());
        }
    }

    private String fromAddress() {
        String from = settings.from();
        int lt = from.indexOf('<');
        return lt >= 0 && from.endsWith(">") ? from.substring(lt + 1, from.length() - 1) : from;
    }

}
