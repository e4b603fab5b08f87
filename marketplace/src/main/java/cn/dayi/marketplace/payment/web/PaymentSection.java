package cn.dayi.marketplace.payment.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.booking.web.OrderPageSection;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.PriceText;
import cn.dayi.marketplace.ledger.OrderMoney;
import cn.dayi.marketplace.ledger.Refunds;
import cn.dayi.marketplace.payment.CardPaymentView;
import cn.dayi.marketplace.payment.CardPayments;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.voucher.OrderVoucher;
import cn.dayi.marketplace.voucher.VoucherCheckout;
import cn.dayi.pricing.Yuan;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The payment panel of the order page (付款, model key {@code pay}, fragment {@code fragments/order-payment}):
 * for an order awaiting payment the buyer sees the total, the innovation voucher that would pay part of it (无感直兑:
 * the best grant, chosen by {@link VoucherCheckout}, one button to apply it) or why none applies, then the rest due
 * in cash — by card through Stripe (when the platform has Stripe and a publishable key; otherwise the reason) or by
 * corporate bank transfer quoting the order number. Afterwards both sides see how the order was paid (voucher part,
 * card part, its attempts' failures) and every refund with its cash / voucher parts and reason; the serving
 * operator's finance staff and manager get the refund form. Buttons are offered to those roles only; what they may
 * do is decided by the services, not here.
 */
@Singleton
class PaymentSection implements OrderPageSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final VoucherCheckout vouchers;
    private final CardPayments cards;
    private final Refunds refunds;
    private final StripeJs stripeJs;

    PaymentSection(VoucherCheckout vouchers, CardPayments cards, Refunds refunds, StripeJs stripeJs) {
        this.vouchers = vouchers;
        this.cards = cards;
        this.refunds = refunds;
        this.stripeJs = stripeJs;
    }

    /**
     * The panel as shown; amounts are formatted in the page language.
     *
     * @param awaiting       the order awaits payment
     * @param buyer          the viewer is a buyer member: the buttons are theirs
     * @param voucherState   NONE, PREVIEW, HELD, CAPTURED or RELEASED (see {@link OrderVoucher})
     * @param offerVoucher   a voucher would pay part or all now: the buyer may apply it
     * @param cashAfterVoucher what would be left in cash once the offered voucher is applied
     * @param voucherNotes   why the buyer's other grants do not pay (programme: reason)
     * @param cardOff        why card payment is not offered, or null
     * @param canPayByCard   the card button is shown
     * @param cardFailure    why the last card attempt failed, or null
     * @param cardPending    a card payment is under way (waiting for Stripe)
     * @param requestKey     a fresh key for the card form (a double submit resumes the same payment)
     * @param canRefund      the viewer is the serving operator's finance staff or manager and something is refundable:
     *                       the refund form (posted to the operator portal's {@code /operator/orders/{id}/refund}) shows
     * @param refundable     what may still be refunded (cash and voucher together), e.g. {@code 420.00 元}
     * @param refundableYuan the same as a plain number for the form's default, e.g. {@code 420.00}
     */
    public record PayPanel(long orderId, boolean awaiting, boolean buyer, String total, String voucherState,
                           @Nullable String programme, String voucherAmount, String cashDue, long cashDueFen,
                           boolean offerVoucher, String cashAfterVoucher, List<String> voucherNotes,
                           @Nullable String cardOff, boolean canPayByCard, String cardPaid, long cardPaidFen,
                           @Nullable String cardFailure, boolean cardPending, String requestKey, List<RefundLine> refunds,
                           boolean canRefund, String refundable, String refundableYuan) {
    }

    /** A refund as shown to both sides. */
    public record RefundLine(String amount, String method, String reason, String when) {
    }

    @Override
    public void fill(Map<String, Object> model, Actor viewer, ServiceOrder o, PageText text) {
        boolean buyer = viewer.hasRoleIn(o.buyerOrganisation().id(), Role.BUYER_MEMBER);
        boolean awaiting = o.state() == OrderState.AWAITING_PAYMENT;
        OrderVoucher v = vouchers.preview(viewer, o.id());
        CardPaymentView card = cards.view(viewer, o.id());
        OrderMoney money = refunds.money(viewer, o.id());
        boolean touched = !"NONE".equals(v.state()) && !"PREVIEW".equals(v.state()) || !card.attempts().isEmpty()
                || money.paidFen() > 0 || money.voucherFen() > 0;
        if (!awaiting && !touched) {
            return; // nothing to pay and nothing paid yet (e.g. waiting for the operator to accept)
        }
        List<String> notes = v.considered().stream().filter(c -> c.whyNot() != null)
                .map(c -> text.get("pay.voucher.whyNot", c.programmeName(), text.get("pay.whyNot." + c.whyNot())))
                .toList();
        String cardOff = card.cardPaymentAvailable()
                ? stripeJs.publishableKey().isPresent() ? null : text.get("pay.card.noPublishableKey")
                : card.unavailableReason();
        CardPaymentView.Attempt last = card.attempts().isEmpty() ? null : card.attempts().get(card.attempts().size() - 1);
        String cardFailure = last != null && "FAILED".equals(last.status()) ? last.failureMessage() : null;
        boolean cardPending = awaiting && last != null && ("PENDING".equals(last.status()) || "UNKNOWN".equals(last.status()));
        long cashDue = awaiting ? card.amountDueFen() : v.cashDueFen();
        boolean offerVoucher = buyer && awaiting && "PREVIEW".equals(v.state()) && v.voucherFen() > 0;
        boolean canPayByCard = buyer && awaiting && cardOff == null && card.canPayByCardNow();
        boolean canRefund = viewer.hasRoleIn(o.operator().id(), Role.OPERATOR_FINANCE, Role.OPERATOR_MANAGER)
                && money.refundableFen() > 0;
        List<RefundLine> refundLines = money.refunds().stream().map(r -> new RefundLine(refunded(r, text),
                text.get("pay.method." + r.method()), r.reason(), WHEN.format(r.recordedAt().atZone(ClockFactory.SHANGHAI))))
                .toList();
        model.put("pay", new PayPanel(o.id(), awaiting, buyer, PriceText.amount(o.totalFen(), text), v.state(),
                v.programmeName(), PriceText.amount(v.voucherFen(), text), PriceText.amount(cashDue, text), cashDue,
                offerVoucher, PriceText.amount(v.cashDueFen(), text), notes, cardOff, canPayByCard,
                PriceText.amount(card.paidFen(), text), card.paidFen(), cardFailure, cardPending, UUID.randomUUID().toString(),
                refundLines, canRefund, PriceText.amount(money.refundableFen(), text),
                Yuan.format(money.refundableFen()).replace(",", "")));
    }

    /** The refund's amount, with its cash and voucher parts when it gave back both. */
    private static String refunded(OrderMoney.Refund r, PageText text) {
        String all = PriceText.amount(r.amountFen(), text);
        return r.cashFen() > 0 && r.voucherFen() > 0 ? text.get("pay.refund.split", all, PriceText.amount(r.cashFen(), text),
                PriceText.amount(r.voucherFen(), text)) : all;
    }
}
