package cn.dayi.marketplace.ledger;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Refunds of paid orders and the money view of an order.
 *
 * <p>{@link #refund} (the serving operator's OPERATOR_FINANCE or OPERATOR_MANAGER) gives back part or
 * all of what the buyer paid, with a reason the buyer reads. In one transaction that first locks the
 * order row ({@code SELECT … FOR UPDATE}, so refunds and order moves of the same order run one after
 * the other on any number of nodes) it checks the amount against paid − earlier refunds, posts the
 * refund journal {@code ORDER:<id>:REFUND:<n>} (credit the payment method's clearing account; debit what
 * is still held for the buyer, and take any rest back from the revenue already recognised on the
 * order in proportion to its shares — a compensating journal), records the refund and adds a
 * REFUNDED line with the reason to the order's audit trail. Refunds of orders paid by bank transfer
 * are recorded after finance has sent the money back offline; card refunds go through the card
 * provider first and then call {@link #postRefund} with method CARD.
 *
 * <p>Errors: 404 {@code ORDER_NOT_FOUND}; 403 {@code FORBIDDEN}; 400 {@code AMOUNT_INVALID},
 * {@code REASON_REQUIRED}; 422 {@code ORDER_NOT_PAID}, {@code REFUND_EXCEEDS_PAID} (says how much may
 * still be refunded), {@code REFUND_METHOD_NOT_SUPPORTED} (card payments are refunded through the card
 * provider).
 */
@Singleton
public class Refunds {

    private final Jdbc jdbc;
    private final Bookings bookings;
    private final Ledger ledger;
    private final Clock clock;

    public Refunds(Jdbc jdbc, Bookings bookings, Ledger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Records a refund of a bank-transfer-paid order; the order's money afterwards. */
    public OrderMoney refund(Actor actor, long orderId, OrderMoney.NewRefund body) {
        ServiceOrder o = bookings.get(actor, orderId); // 404 for those who cannot see it
        if (!actor.hasRoleIn(o.operator().id(), Role.OPERATOR_FINANCE, Role.OPERATOR_MANAGER)) {
            throw new ApiException.Forbidden("FORBIDDEN",
                    "Refunds are recorded by the serving operator's finance staff or manager.");
        }
        Long amount = body == null ? null : body.amountFen();
        if (amount == null || amount <= 0) {
            throw new ApiException.ValidationFailed("amountFen", "AMOUNT_INVALID",
                    "Give the amount to refund in fen, more than 0.");
        }
        String reason = body.reason() == null ? "" : body.reason().strip();
        if (reason.isEmpty() || reason.length() > 1000) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED",
                    "Say why the money goes back (1 to 1,000 characters); the buyer will read it.");
        }
        Instant now = clock.instant();
        jdbc.write(c -> {
            OrderMoneyStore.lockOrder(c, orderId); // first: refunds and moves of one order queue here
            OrderMoneyStore.PaymentRow p = OrderMoneyStore.payment(c, orderId).orElseThrow(() -> notPaid(orderId));
            if (!"BANK_TRANSFER".equals(p.method())) {
                throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "REFUND_METHOD_NOT_SUPPORTED",
                        "Order " + orderId + " was paid by " + p.method() + "; such payments are refunded through the "
                                + "payment provider, not recorded here.");
            }
            postRefund(c, o, amount, reason, actor.personId(), now);
            return null;
        });
        return money(actor, orderId);
    }

    /**
     * Posts a refund in the caller's transaction (for card refunds after the provider confirmed them):
     * locks the order, checks the amount, posts the journal, records the refund and the audit line.
     *
     * @return the refund journal's id
     * @throws ApiException.RuleViolation 422 {@code ORDER_NOT_PAID} or {@code REFUND_EXCEEDS_PAID}
     */
    public long postRefund(Connection c, ServiceOrder o, long amountFen, String reason, long byPersonId, Instant now)
            throws SQLException {
        String state = OrderMoneyStore.lockOrder(c, o.id()).orElseThrow(() -> notPaid(o.id()));
        OrderMoneyStore.PaymentRow p = OrderMoneyStore.payment(c, o.id()).orElseThrow(() -> notPaid(o.id()));
        long refunded = OrderMoneyStore.refundedFen(c, o.id());
        long refundable = p.amountFen() - refunded;
        if (amountFen > refundable) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "REFUND_EXCEEDS_PAID",
                    "Order " + o.id() + " was paid " + yuan(p.amountFen()) + " and " + yuan(refunded)
                            + " has been refunded already; at most " + yuan(refundable) + " can still be refunded.");
        }
        long held = OrderMoneyStore.heldFen(c, o.id(), p.currency());
        long n = OrderMoneyStore.refundCount(c, o.id()) + 1;
        Ledger.Posted posted = ledger.post(c, new JournalDraft("ORDER:" + o.id() + ":REFUND:" + n, "REFUNDED", o.id(),
                reason, byPersonId, PostingRules.refund(p.method(), o.buyerOrganisation().id(), amountFen, held,
                OrderMoneyStore.recognised(c, o.id(), p.currency()), p.currency())), now);
        OrderMoneyStore.insertRefund(c, o.id(), amountFen, p.currency(), p.method(), reason, posted.journalId(), byPersonId,
                now);
        OrderMoneyStore.orderEvent(c, o.id(), "REFUNDED", state, byPersonId, "退款 Refund " + yuan(amountFen) + ": " + reason,
                now);
        return posted.journalId();
    }

    /** The money of an order: payment, refunds with reasons, held, earned, refundable; journals for staff and admins. */
    public OrderMoney money(Actor actor, long orderId) {
        ServiceOrder o = bookings.get(actor, orderId);
        boolean staff = actor.isPlatformAdmin() || actor.isOperatorStaff(o.operator().id());
        return jdbc.read(c -> {
            var p = OrderMoneyStore.payment(c, orderId);
            String currency = p.map(OrderMoneyStore.PaymentRow::currency).orElse(o.currency());
            long paid = p.map(OrderMoneyStore.PaymentRow::amountFen).orElse(0L);
            long refunded = OrderMoneyStore.refundedFen(c, orderId);
            long held = OrderMoneyStore.heldFen(c, orderId, currency);
            long earned = OrderMoneyStore.recognised(c, orderId, currency).values().stream().mapToLong(Long::longValue).sum();
            List<Ledger.Journal> journals = staff ? ledger.journalsOfOrder(c, orderId) : null;
            return new OrderMoney(orderId, o.state().name(), currency, p.map(OrderMoneyStore.PaymentRow::method).orElse(null),
                    paid, refunded, held, earned, paid - refunded, OrderMoneyStore.refunds(c, orderId), journals);
        });
    }

    private static ApiException notPaid(long orderId) {
        return new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "ORDER_NOT_PAID",
                "Order " + orderId + " has no recorded payment, so there is nothing to refund.");
    }

    static String yuan(long fen) {
        return String.format(Locale.ROOT, "¥%,d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
