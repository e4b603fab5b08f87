package cn.dayi.marketplace.payment.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.OrderState;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.catalogue.web.pages.PriceText;
import cn.dayi.marketplace.payment.CardPaymentStarted;
import cn.dayi.marketplace.payment.CardPayments;
import cn.dayi.marketplace.voucher.VoucherCheckout;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The buyer's payment steps from the order page's payment panel ({@link PaymentSection}); the same services as the
 * API decide ({@link VoucherCheckout}, {@link CardPayments}):
 * <ul>
 *   <li>{@code POST /orders/{id}/voucher} — apply the best innovation voucher (无感直兑); back to the order with
 *       {@code done=VOUCHER_APPLIED} (part voucher: the cash rest is due) or {@code PAID_BY_VOUCHER} (all paid);</li>
 *   <li>{@code POST /orders/{id}/card} (form: {@code key}) — start or resume the card payment of the cash due and
 *       show Stripe's payment form (Stripe.js Payment Element with the PaymentIntent's client secret); Stripe sends
 *       the buyer back to {@code /orders/{id}?done=CARD_SUBMITTED}, and the order is confirmed when Stripe's signed
 *       webhook (or the hourly reconciliation) reports the payment — the page refreshes itself until then.</li>
 * </ul>
 * A refusal (nothing due, card off, the order moved on …) returns to the order page with the reason; someone who
 * may not see the order gets 404, a viewer who is not a buyer member 403.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PaymentPagesController {

    private final ActorResolver actors;
    private final Bookings bookings;
    private final VoucherCheckout vouchers;
    private final CardPayments cards;
    private final StripeJs stripeJs;
    private final Pages pages;

    PaymentPagesController(ActorResolver actors, Bookings bookings, VoucherCheckout vouchers, CardPayments cards,
                           StripeJs stripeJs, Pages pages) {
        this.actors = actors;
        this.bookings = bookings;
        this.vouchers = vouchers;
        this.cards = cards;
        this.stripeJs = stripeJs;
        this.pages = pages;
    }

    /** The card form's hidden request key. */
    @Serdeable
    public record CardForm(@Nullable String key) {
    }

    @Post(value = "/orders/{id}/voucher", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> applyVoucher(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id) {
        Actor actor = actors.require(auth);
        try {
            VoucherCheckout.Checkout done = vouchers.checkout(actor, id);
            String what = done.order().state() == OrderState.AWAITING_PAYMENT ? "VOUCHER_APPLIED" : "PAID_BY_VOUCHER";
            return back(id, "done=" + what);
        } catch (ApiException e) {
            return refused(id, e, pages.text(request));
        }
    }

    @Post(value = "/orders/{id}/card", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> payByCard(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id,
                                     @Nullable @Body CardForm form) {
        Actor actor = actors.require(auth);
        ServiceOrder o = bookings.get(actor, id); // 404 for those who cannot see it
        if (!actor.hasRoleIn(o.buyerOrganisation().id(), Role.BUYER_MEMBER)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only members (BUYER_MEMBER) of the buyer organisation pay its orders.");
        }
        PageText text = pages.text(request);
        if (stripeJs.publishableKey().isEmpty()) {
            return back(id, "error=" + enc(text.get("pay.card.noPublishableKey")));
        }
        CardPaymentStarted started;
        try {
            started = cards.start(actor, id, form == null || form.key() == null || form.key().isBlank()
                    ? "page-" + id : form.key()).payment();
        } catch (ApiException e) {
            return refused(id, e, pages.text(request));
        }
        Map<String, Object> model = pages.model(request, text.get("pay.card.title", o.id()), "orders");
        model.put("orderId", o.id());
        model.put("amount", PriceText.amount(started.amountFen(), text));
        model.put("publishableKey", stripeJs.publishableKey().get());
        model.put("stripeJsUrl", stripeJs.url());
        model.put("clientSecret", started.clientSecret());
        model.put("returnPath", "/orders/" + id + "?done=CARD_SUBMITTED");
        model.put("locale", text.language().code());
        return HttpResponse.ok(new ModelAndView<>("card-payment", model));
    }

    /** Back to the order with the refusal in the page language ({@code pay.error.<CODE>}, else the service's words). */
    private static HttpResponse<?> refused(long id, ApiException e, PageText text) {
        if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
            throw e;
        }
        return back(id, "error=" + enc(text.find("pay.error." + e.code()).orElse(e.getMessage())));
    }

    private static HttpResponse<?> back(long id, String query) {
        return HttpResponse.seeOther(URI.create("/orders/" + id + "?" + query + "#pay"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
