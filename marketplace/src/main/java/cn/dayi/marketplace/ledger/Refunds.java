package cn.dayi.marketplace.ledger;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.voucher.VoucherHolds;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Refunds of paid orders and the money view of an order.
 *
 * <p><b>What may be refunded.</b> An order is paid in cash (bank transfer or card; {@code payment_record}), by an
 * innovation voucher (the part posted to VOUCHER_RECEIVABLE at confirmation), or both. {@link #refundable} reads,
 * under the order's row lock ({@code SELECT … FOR UPDATE}: refunds and order moves of one order run one after the
 * other on any number of nodes), what is left of each: cash paid − cash refunded, and the voucher part still
 * paying. A refund of R fen is split in proportion to those ({@link RefundSplit}, largest remainder; the parts
 * sum to R), so a full refund returns exactly the rest of both.
 *
 * <p><b>The journal.</b> One journal per refund, unique by business key ({@code ORDER:<id>:REFUND:<n>} for bank and
 * voucher refunds, {@code ORDER:<id>:CARD_REFUND:<refundNo>} for card refunds): credit the method's clearing account
 * by the cash part and VOUCHER_RECEIVABLE by the voucher part; debit what is still held for the buyer
 * (BUYER_PREPAID) and take any rest back from the revenue already recognised on the order in proportion to its
 * shares (a compensating journal; BUYER_PREPAID never goes below zero). In the same transaction the voucher part
 * goes back to the buyer's grant ({@link VoucherHolds#giveBack}: no longer claimable by the operator), the refund
 * is recorded ({@code order_refund}, with its cash and voucher parts) and a REFUNDED line with the reason is added
 * to the order's audit trail.
 *
 * <p><b>Who and how.</b> {@link #refund} (the serving operator's OPERATOR_FINANCE or OPERATOR_MANAGER) records the
 * refund of an order paid by bank transfer (after finance has sent the cash back offline) or wholly by voucher
 * (method VOUCHER: everything back to the grant). Card payments are refunded through {@code CardPayments}, which
 * checks against {@link #refundable} less the card refunds still under way and, when Stripe reports the refund
 * SUCCEEDED, calls {@link #postCardRefund} — once per card refund.
 *
 * <p>Errors: 404 {@code ORDER_NOT_FOUND}; 403 {@code FORBIDDEN}; 400 {@code AMOUNT_INVALID},
 * {@code REASON_REQUIRED}; 422 {@code ORDER_NOT_PAID}, {@code REFUND_EXCEEDS_PAID} (says how much may
 * still be refunded), {@code REFUND_METHOD_NOT_SUPPORTED} (card payments are refunded through the card
 * provider); 409 {@code VOUCHER_CLAIMED} (the voucher part is in a submitted or approved redemption claim).
 */
@Singleton
public class Refunds {

    /** Method recorded on a refund of an order paid wholly by voucher. */
    public static final String VOUCHER_ONLY = "VOUCHER";

    private final Jdbc jdbc;
    private final Bookings bookings;
    private final Ledger ledger;
    private final VoucherHolds vouchers;
    private final Clock clock;

    public Refunds(Jdbc jdbc, Bookings bookings, Ledger ledger, VoucherHolds vouchers, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.ledger = ledger;
        this.vouchers = vouchers;
        this.clock = clock;
    }

    /**
     * What of an order may still be refunded, read under the order's row lock. Fen.
     *
     * @param method            the cash payment's method (BANK_TRANSFER, CARD); null when no cash was paid
     * @param paymentReference  the cash payment's reference (bank reference; PaymentIntent id for CARD); null likewise
     * @param cashPaidFen        cash paid
     * @param cashRefundedFen    cash refunded (recorded refunds)
     * @param voucherLeftFen     the voucher part still paying for the order and posted in the ledger
     * @param voucherRefundedFen voucher given back by refunds
     */
    public record Refundable(long orderId, String currency, @Nullable String method, @Nullable String paymentReference,
                             long cashPaidFen, long cashRefundedFen, long voucherLeftFen, long voucherRefundedFen) {

        /** Cash that may still go back. */
        public long cashLeftFen() {
            return cashPaidFen - cashRefundedFen;
        }

        /** All that may still go back (cash + voucher). */
        public long leftFen() {
            return cashLeftFen() + voucherLeftFen;
        }

        /** True when nothing was ever paid: no cash, no voucher posted, no refund. */
        public boolean nothingPaid() {
            return method == null && voucherLeftFen == 0 && voucherRefundedFen == 0;
        }
    }

    /** Records a refund of an order paid by bank transfer and/or voucher; the order's money afterwards. */
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
            Refundable r = refundable(c, orderId); // first: locks the order, so refunds and moves of one order queue here
            if (r.method() != null && !"BANK_TRANSFER".equals(r.method())) {
                throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "REFUND_METHOD_NOT_SUPPORTED",
                        "Order " + orderId + " was paid by " + r.method() + "; such payments are refunded through the "
                                + "payment provider (POST /api/v1/orders/" + orderId + "/card-refunds), not recorded here.");
            }
            RefundSplit split = split(r, amount);
            post(c, orderId, r, split, "ORDER:" + orderId + ":REFUND:" + (OrderMoneyStore.refundCount(c, orderId) + 1),
                    reason, actor.personId(), now, null);
            return null;
        });
        return money(actor, orderId);
    }

    /**
     * Posts a refund of {@code amountFen} (split between cash and voucher as {@link #refund} does) in the caller's
     * transaction: locks the order, checks the amount, posts the journal, gives the voucher part back, records the
     * refund and the audit line. Kept for callers that record a refund of the order's own payment method.
     *
     * @return the refund journal's id
     * @throws ApiException.RuleViolation 422 {@code ORDER_NOT_PAID} or {@code REFUND_EXCEEDS_PAID}; 409 {@code VOUCHER_CLAIMED}
     */
    public long postRefund(Connection c, ServiceOrder o, long amountFen, String reason, long byPersonId, Instant now)
            throws SQLException {
        Refundable r = refundable(c, o.id());
        RefundSplit split = split(r, amountFen);
        return post(c, o.id(), r, split, "ORDER:" + o.id() + ":REFUND:" + (OrderMoneyStore.refundCount(c, o.id()) + 1),
                reason, byPersonId, now, null);
    }

    /**
     * Posts the refund that card refund {@code cardRefundId} made, exactly once: when Stripe reports it SUCCEEDED
     * (its answer, the {@code refund.updated} webhook or reconciliation — whichever comes first; the others find it
     * posted), or at once when it has no cash part. Business key {@code ORDER:<id>:CARD_REFUND:<refundNo>}; a card
     * refund already recorded returns its journal and posts nothing. Locks the order first.
     *
     * @param split the cash part (what Stripe refunded) and the voucher part reserved with it
     * @return the refund journal's id
     * @throws ApiException.RuleViolation 422 {@code REFUND_EXCEEDS_PAID} when the parts no longer fit (cannot happen when
     *                                    the refund was reserved against {@link #refundable} under the same lock)
     */
    public long postCardRefund(Connection c, long orderId, long cardRefundId, int refundNo, RefundSplit split, String reason,
                               long byPersonId, Instant now) throws SQLException {
        Refundable r = refundable(c, orderId);
        Optional<Long> recorded = OrderMoneyStore.refundOfCard(c, cardRefundId);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        if (!"CARD".equals(r.method()) || split.cashFen() > r.cashLeftFen() || split.voucherFen() > r.voucherLeftFen()) {
            throw exceeds(r);
        }
        return post(c, orderId, r, split, "ORDER:" + orderId + ":CARD_REFUND:" + refundNo, reason, byPersonId, now,
                cardRefundId);
    }

    /**
     * Locks the order row ({@code FOR UPDATE}) and reads what may still be refunded: the lock every money change of
     * the order takes first. Call inside a transaction.
     *
     * @throws ApiException.NotFound 404 {@code ORDER_NOT_FOUND} when there is no such order
     */
    public Refundable refundable(Connection c, long orderId) throws SQLException {
        OrderMoneyStore.lockOrder(c, orderId).orElseThrow(() -> new ApiException.NotFound("ORDER_NOT_FOUND",
                "There is no order " + orderId + "."));
        return read(c, orderId);
    }

    /** {@link #refundable} without taking the order's lock: for views (a plain read of the latest rows). */
    public Refundable refundableNow(Connection c, long orderId) throws SQLException {
        return read(c, orderId);
    }

    private Refundable read(Connection c, long orderId) throws SQLException {
        Optional<OrderMoneyStore.PaymentRow> p = OrderMoneyStore.payment(c, orderId);
        String currency = p.isPresent() ? p.get().currency() : currencyOf(c, orderId);
        long[] refunded = OrderMoneyStore.refunded(c, orderId);
        // the voucher part counts once the ledger holds it (from confirmation), and only what the voucher still pays
        long voucherLeft = Math.min(vouchers.refundableFen(c, orderId),
                Math.max(0, OrderMoneyStore.voucherPostedFen(c, orderId, currency)));
        return new Refundable(orderId, currency, p.map(OrderMoneyStore.PaymentRow::method).orElse(null),
                p.map(OrderMoneyStore.PaymentRow::reference).orElse(null), p.map(OrderMoneyStore.PaymentRow::amountFen).orElse(0L),
                refunded[0] - refunded[1], voucherLeft, refunded[1]);
    }

    /**
     * Checks that {@code voucherFen} of the order's voucher part may go back now (not in a submitted or approved
     * redemption claim); for card refunds, before Stripe is asked.
     *
     * @throws ApiException.RuleViolation 409 {@code VOUCHER_CLAIMED}
     */
    public void requireVoucherRefundable(Connection c, long orderId, long voucherFen) throws SQLException {
        vouchers.requireRefundable(c, orderId, voucherFen);
    }

    /** The money of an order: payment, voucher, refunds with reasons and parts, held, earned, refundable; journals for staff. */
    public OrderMoney money(Actor actor, long orderId) {
        ServiceOrder o = bookings.get(actor, orderId);
        boolean staff = actor.isPlatformAdmin() || actor.isOperatorStaff(o.operator().id());
        return jdbc.read(c -> {
            var p = OrderMoneyStore.payment(c, orderId);
            String currency = p.map(OrderMoneyStore.PaymentRow::currency).orElse(o.currency());
            long paid = p.map(OrderMoneyStore.PaymentRow::amountFen).orElse(0L);
            long[] refunded = OrderMoneyStore.refunded(c, orderId);
            long refundedVoucher = refunded[1];
            long refundedCash = refunded[0] - refundedVoucher;
            long voucherLeft = Math.min(vouchers.refundableFen(c, orderId),
                    Math.max(0, OrderMoneyStore.voucherPostedFen(c, orderId, currency)));
            long held = OrderMoneyStore.heldFen(c, orderId, currency);
            long earned = OrderMoneyStore.recognised(c, orderId, currency).values().stream().mapToLong(Long::longValue).sum();
            List<Ledger.Journal> journals = staff ? ledger.journalsOfOrder(c, orderId) : null;
            return new OrderMoney(orderId, o.state().name(), currency, p.map(OrderMoneyStore.PaymentRow::method).orElse(null),
                    paid, voucherLeft + refundedVoucher, refunded[0], refundedCash, refundedVoucher, held, earned,
                    paid - refundedCash + voucherLeft, paid - refundedCash, voucherLeft, OrderMoneyStore.refunds(c, orderId),
                    journals);
        });
    }

    private RefundSplit split(Refundable r, long amountFen) {
        if (r.nothingPaid()) {
            throw notPaid(r.orderId());
        }
        if (amountFen <= 0 || amountFen > r.leftFen()) {
            throw exceeds(r);
        }
        return RefundSplit.of(amountFen, r.cashLeftFen(), r.voucherLeftFen());
    }

    private long post(Connection c, long orderId, Refundable r, RefundSplit split, String businessKey, String reason,
                      long byPersonId, Instant now, Long cardRefundId) throws SQLException {
        vouchers.giveBack(c, orderId, split.voucherFen(), now); // first: refuses (409) a voucher part that is claimed
        String currency = r.currency();
        long buyer = OrderMoneyStore.buyerOf(c, orderId);
        long held = OrderMoneyStore.heldFen(c, orderId, currency);
        String method = r.method() == null ? VOUCHER_ONLY : r.method();
        Ledger.Posted posted = ledger.post(c, new JournalDraft(businessKey, "REFUNDED", orderId, reason, byPersonId,
                PostingRules.refund(r.method(), buyer, split, held, OrderMoneyStore.recognised(c, orderId, currency), currency)),
                now);
        OrderMoneyStore.insertRefund(c, orderId, split, currency, method, reason, posted.journalId(), byPersonId, now,
                cardRefundId);
        String state = OrderMoneyStore.lockOrder(c, orderId).orElseThrow();
        String parts = split.voucherFen() == 0 ? "" : " (现金 cash " + yuan(split.cashFen()) + ", 创新券 voucher "
                + yuan(split.voucherFen()) + ")";
        OrderMoneyStore.orderEvent(c, orderId, "REFUNDED", state, byPersonId, "退款 Refund " + yuan(split.totalFen()) + parts
                + ": " + reason, now);
        return posted.journalId();
    }

    private static String currencyOf(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, "SELECT currency FROM service_order WHERE id = ?", rs -> rs.getString(1), orderId).orElse("CNY");
    }

    private static ApiException exceeds(Refundable r) {
        return new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "REFUND_EXCEEDS_PAID",
                "Order " + r.orderId() + " was paid " + yuan(r.cashPaidFen()) + " in cash and "
                        + yuan(r.voucherLeftFen() + r.voucherRefundedFen()) + " by innovation voucher, and "
                        + yuan(r.cashRefundedFen() + r.voucherRefundedFen()) + " has been refunded already; at most "
                        + yuan(r.leftFen()) + " can still be refunded.");
    }

    private static ApiException notPaid(long orderId) {
        return new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "ORDER_NOT_PAID",
                "Order " + orderId + " has no recorded payment, so there is nothing to refund.");
    }

    static String yuan(long fen) {
        return String.format(Locale.ROOT, "¥%,d.%02d", fen / 100, Math.abs(fen % 100));
    }
}
