package cn.dayi.operator.ledger;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.idempotency.Idempotency;
import cn.dayi.marketplace.ledger.OrderMoney;
import cn.dayi.marketplace.ledger.Refunds;
import cn.dayi.marketplace.payment.CardPayments;
import cn.dayi.marketplace.payment.CardRefundRequest;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.operator.booking.OrderPagesController;
import io.micronaut.core.annotation.Nullable;
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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The refund form of the order page's payment panel, for the serving operator's finance staff or manager:
 * {@code POST /operator/orders/{id}/refund} (form: {@code amountYuan} in yuan with at most two decimals, {@code
 * reason} the buyer reads, {@code key} a fresh key per form so a double submit refunds once). An order whose cash was
 * paid by card is refunded through Stripe ({@link CardPayments#refund}, posted when Stripe confirms it); otherwise
 * (bank transfer — sent back offline by finance first — or paid wholly by voucher) the refund is recorded at once
 * ({@link Refunds#refund}, under {@link Idempotency}). Either way cash and voucher go back in proportion. Back to
 * {@code /orders/{id}?done=REFUNDED#pay}, or with the reason it was refused ({@code error=}); 404 for those who
 * cannot see the order, 403 for others who may not refund.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RefundPagesController {

    private final ActorResolver actors;
    private final Refunds refunds;
    private final CardPayments cards;
    private final Idempotency idempotency;

    RefundPagesController(ActorResolver actors, Refunds refunds, CardPayments cards, Idempotency idempotency) {
        this.actors = actors;
        this.refunds = refunds;
        this.cards = cards;
        this.idempotency = idempotency;
    }

    /** The refund form. */
    @Serdeable
    public record RefundForm(@Nullable String amountYuan, @Nullable String reason, @Nullable String key) {
    }

    @Post(value = "/operator/orders/{id}/refund", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> refund(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body RefundForm form) {
        Actor actor = actors.require(auth);
        RefundForm f = form == null ? new RefundForm(null, null, null) : form;
        try {
            OrderMoney money = refunds.money(actor, id); // 404 for those who cannot see the order
            Long fen = OrderPagesController.fen(f.amountYuan(), "amountYuan",
                    "Give the amount to refund in yuan, with at most two decimals (e.g. 120.50).");
            String key = f.key() == null || f.key().isBlank() ? null : "page-refund-" + f.key().strip();
            if ("CARD".equals(money.paymentMethod())) {
                cards.refund(actor, id, key, new CardRefundRequest(fen, f.reason()));
            } else {
                OrderMoney.NewRefund body = new OrderMoney.NewRefund(fen, f.reason());
                idempotency.run(actor.personId(), key, Idempotency.Requirement.REQUIRED, "POST /operator/orders/" + id
                        + "/refund", body, () -> HttpResponse.ok(refunds.refund(actor, id, body)));
            }
            return HttpResponse.seeOther(URI.create("/orders/" + id + "?done=REFUNDED#pay"));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create("/orders/" + id + "?error="
                    + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8) + "#pay"));
        }
    }
}
