package cn.dayi.marketplace.ledger;

import cn.dayi.marketplace.booking.CancellationPolicy;
import cn.dayi.marketplace.booking.OrderCover;
import cn.dayi.marketplace.booking.OrderLifecycle;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.OrderTransitionListener;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.tariff.QuoteView;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts an order's money to the ledger inside the transaction that moves the order, so the
 * journal commits (or rolls back) with the state change. Business keys make each posting happen once.
 *
 * <table>
 *   <caption>Postings</caption>
 *   <tr><th>move into</th><th>business key</th><th>journal</th></tr>
 *   <tr><td>CONFIRMED with a {@code payment_record}</td><td>{@code ORDER:<id>:PAID}</td><td>debit the method's
 *       clearing account (BANK_TRANSFER → BANK_CLEARING, CARD → CARD_CLEARING), credit the buyer's BUYER_PREPAID</td></tr>
 *   <tr><td>COMPLETED</td><td>{@code ORDER:<id>:COMPLETED}</td><td>everything still held for the buyer on the order
 *       (paid − refunds) is earned: instrument-use lines split by the entrustment's ratios among owner, fiscal fund,
 *       operator, platform; service fees wholly the operator's ({@link ChargeKind}); an operator's own instrument pays
 *       the platform commission ({@code dayi.ledger.own-instrument-commission-bp}) and keeps the rest</td></tr>
 *   <tr><td>CANCELLED after payment</td><td>{@code ORDER:<id>:CANCELLATION_FEE}</td><td>the late-cancellation fee the
 *       order recorded ({@link CancellationPolicy}) is earned as instrument use (the time was held and could not be
 *       sold) and split like it; the rest stays held for the buyer until operator finance refunds it</td></tr>
 *   <tr><td>NO_SHOW</td><td>{@code ORDER:<id>:NO_SHOW_FEE}</td><td>a no-show is charged as a cancellation at the
 *       start: {@link CancellationPolicy#LATE_FEE_BP} of the total, earned and split as instrument use; the rest stays
 *       held for a refund</td></tr>
 * </table>
 * <p><b>Innovation vouchers.</b> When an order is CONFIRMED (by bank transfer, card or wholly by voucher), the part a
 * voucher covers ({@link OrderCover}) is posted as {@code ORDER:<id>:VOUCHER}: debit VOUCHER_RECEIVABLE (the fiscal
 * fund owes it), credit the buyer's BUYER_PREPAID, so completion earns and splits cash and voucher alike. When a
 * confirmed order is CANCELLED or a NO_SHOW the voucher is released, and so is its posting
 * ({@code ORDER:<id>:VOUCHER_RELEASED}, the reverse legs) before any fee is earned from the cash held.
 * This listener runs after the voucher feature's ({@code @Order}) so a hold made in the same move is seen.
 *
 * Moves without a recorded payment or voucher (cancelling an unpaid order, expiry, rejection) post nothing.
 */
@Singleton
@Order(100)
class OrderPostings implements OrderTransitionListener {

    /**
     * Platform commission on instrument use of an operator's own instruments (自营), basis points, when
     * {@code dayi.ledger.own-instrument-commission-bp} is not set. The sources give no figure (the Shenzhen
     * proposal, seeds 003 §六(二), leaves own-instrument rent wholly to the operator); 500 bp equals the platform
     * share of the entrustments used as examples on this platform. A region that takes no commission sets 0.
     */
    static final int OWN_INSTRUMENT_COMMISSION_BP_DEFAULT = 500;

    private static final Logger LOG = LoggerFactory.getLogger(OrderPostings.class);

    private final Ledger ledger;
    private final List<OrderCover> covers;
    private final int ownCommissionBp;

    OrderPostings(Ledger ledger, List<OrderCover> covers,
                  @Value("${dayi.ledger.own-instrument-commission-bp:" + OWN_INSTRUMENT_COMMISSION_BP_DEFAULT + "}")
                  int ownCommissionBp) {
        if (ownCommissionBp < 0 || ownCommissionBp > 10_000) {
            throw new IllegalArgumentException("dayi.ledger.own-instrument-commission-bp must be 0..10000, got "
                    + ownCommissionBp);
        }
        this.ledger = ledger;
        this.covers = covers;
        this.ownCommissionBp = ownCommissionBp;
    }

    @Override
    public void onTransition(Connection c, ServiceOrder before, OrderLifecycle.Transition t, Instant now) throws SQLException {
        OrderState to = t.to();
        if (to != OrderState.CONFIRMED && to != OrderState.COMPLETED && to != OrderState.CANCELLED
                && to != OrderState.NO_SHOW) {
            return;
        }
        Optional<OrderMoneyStore.PaymentRow> paid = OrderMoneyStore.payment(c, before.id());
        long buyer = before.buyerOrganisation().id();
        if (to == OrderState.CONFIRMED) {
            if (paid.isPresent()) {
                OrderMoneyStore.PaymentRow p = paid.get();
                ledger.post(c, new JournalDraft(key(before, "PAID"), "PAID", before.id(), p.method() + " " + p.reference(),
                        null, PostingRules.payment(p.method(), buyer, p.amountFen(), p.currency())), now);
            }
            long voucherFen = 0;
            for (OrderCover cover : covers) {
                voucherFen += cover.coveredFen(c, before.id());
            }
            if (voucherFen > 0) {
                ledger.post(c, new JournalDraft(key(before, "VOUCHER"), "VOUCHER_HELD", before.id(),
                        "innovation voucher part of order " + before.id(), null, voucherLegs(buyer, voucherFen,
                        before.currency())), now);
            } else if (paid.isEmpty()) {
                LOG.warn("Order {} was confirmed without a recorded payment or voucher; nothing posted", before.id());
            }
            return;
        }
        if ((to == OrderState.CANCELLED || to == OrderState.NO_SHOW) && before.state() == OrderState.CONFIRMED) {
            long posted = OrderMoneyStore.voucherPostedFen(c, before.id(), before.currency());
            if (posted > 0) {
                ledger.post(c, new JournalDraft(key(before, "VOUCHER_RELEASED"), "VOUCHER_RELEASED", before.id(),
                        "innovation voucher released with order " + before.id(), null,
                        voucherLegs(buyer, -posted, before.currency())), now);
            }
        }
        if (paid.isEmpty()) {
            if (to == OrderState.COMPLETED) {
                // wholly voucher-paid: earn what is held (the voucher part)
                recognise(c, before, "COMPLETED", "COMPLETED", OrderMoneyStore.heldFen(c, before.id(), before.currency()),
                        false, before.currency(), now, "revenue of order " + before.id());
            }
            return;
        }
        OrderMoneyStore.PaymentRow p = paid.get();
        switch (to) {
            case COMPLETED -> recognise(c, before, "COMPLETED", "COMPLETED", OrderMoneyStore.heldFen(c, before.id(),
                    p.currency()), false, p.currency(), now, "revenue of order " + before.id());
            case CANCELLED -> {
                long fee = OrderMoneyStore.cancellationFeeFen(c, before.id()).orElse(0L);
                recognise(c, before, "CANCELLATION_FEE", "CANCELLATION_FEE_CHARGED", fee, true, p.currency(), now,
                        "late cancellation fee of order " + before.id());
            }
            case NO_SHOW -> recognise(c, before, "NO_SHOW_FEE", "NO_SHOW_FEE_CHARGED",
                    CancellationPolicy.feeFen(OrderState.CONFIRMED, before.start(), before.totalFen(), before.start()),
                    true, p.currency(), now, "no-show fee of order " + before.id());
            default -> {
            }
        }
    }

    private void recognise(Connection c, ServiceOrder o, String keySuffix, String event, long wantedFen, boolean useOnly,
                           String currency, Instant now, String memo) throws SQLException {
        long earned = Math.min(wantedFen, OrderMoneyStore.heldFen(c, o.id(), currency));
        if (earned <= 0) {
            return;
        }
        long use = 0;
        long fees = 0;
        QuoteView q = o.quote();
        if (useOnly || q == null) {
            use = 1;
        } else {
            for (QuoteView.Line line : q.lines()) {
                if (ChargeKind.of(line.code()) == ChargeKind.INSTRUMENT_USE) {
                    use += line.amountFen();
                } else {
                    fees += line.amountFen();
                }
            }
            use = Math.max(use, 0);
            fees = Math.max(fees, 0);
        }
        RevenueTerms terms = OrderMoneyStore.terms(c, o.instrument().id(), o.operator().id(), ownCommissionBp);
        ledger.post(c, new JournalDraft(key(o, keySuffix), event, o.id(), memo, null,
                PostingRules.recognition(o.buyerOrganisation().id(), earned, use, fees, terms, currency)), now);
    }

    /** Debit VOUCHER_RECEIVABLE, credit the buyer's prepayment by {@code fen} (negative: the reverse). */
    private static List<JournalDraft.Leg> voucherLegs(long buyer, long fen, String currency) {
        return List.of(JournalDraft.Leg.debit(AccountRef.platform(AccountType.VOUCHER_RECEIVABLE, currency), fen),
                JournalDraft.Leg.credit(AccountRef.of(AccountType.BUYER_PREPAID, buyer, currency), fen));
    }

    private static String key(ServiceOrder o, String suffix) {
        return "ORDER:" + o.id() + ":" + suffix;
    }
}
