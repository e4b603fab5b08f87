package cn.dayi.marketplace.voucher.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.voucher.OrderVoucher;
import cn.dayi.marketplace.voucher.Programmes;
import cn.dayi.marketplace.voucher.Programmes.Grant;
import cn.dayi.marketplace.voucher.Programmes.NewGrant;
import cn.dayi.marketplace.voucher.Programmes.NewProgramme;
import cn.dayi.marketplace.voucher.Programmes.Programme;
import cn.dayi.marketplace.voucher.VoucherCheckout;
import cn.dayi.marketplace.voucher.VoucherClaims;
import cn.dayi.marketplace.voucher.VoucherClaims.Claim;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Innovation vouchers (创新券). Money is fen (integers), shares basis points (5000 = 50%), dates
 * {@code YYYY-MM-DD} Asia/Shanghai, times UTC instants. All need a signed-in person; errors are
 * problem JSON with the stable codes listed on {@link Programmes}, {@link VoucherCheckout} and
 * {@link VoucherClaims}.
 * <ul>
 *   <li>{@code GET /api/v1/voucher-programmes} (fiscal officers, platform admins) → {@link Programme}s with
 *       budget, granted, held, captured, expired</li>
 *   <li>{@code POST /api/v1/voucher-programmes} {@link NewProgramme} (fiscal officer) → 201 {@link Programme}</li>
 *   <li>{@code GET /api/v1/voucher-programmes/{id}} (fiscal officers, platform admins)</li>
 *   <li>{@code GET /api/v1/voucher-programmes/{id}/grants} (fiscal officers, platform admins) → {@link Grant}s</li>
 *   <li>{@code POST /api/v1/voucher-programmes/{id}/grants} {@link NewGrant} (fiscal officer) → 201 {@link Grant};
 *       422 {@code BUDGET_EXCEEDED}, {@code ORGANISATION_NOT_VERIFIED}</li>
 *   <li>{@code GET /api/v1/organisations/{orgId}/voucher-grants} (its BUYER_MEMBERs, fiscal officers, admins)
 *       → the organisation's grants and balances</li>
 *   <li>{@code GET /api/v1/orders/{id}/voucher} (either side of the order) → {@link OrderVoucher}: what the
 *       voucher pays (or would pay now) and the cash due</li>
 *   <li>{@code POST /api/v1/orders/{id}/checkout} (a BUYER_MEMBER of the buyer; order AWAITING_PAYMENT) →
 *       {@link VoucherCheckout.Checkout}: the best voucher held; CONFIRMED when it pays everything</li>
 *   <li>{@code GET /api/v1/voucher-claims?state=} (fiscal officers, platform admins) → {@link Claim}s</li>
 *   <li>{@code POST /api/v1/voucher-claims/{id}/approve}, {@code /reject} {@code {"reason"}} (fiscal officer)</li>
 * </ul>
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Vouchers", description = "Innovation voucher programmes, grants, checkout and claims")
public class VoucherApiController {

    private final ActorResolver actors;
    private final Programmes programmes;
    private final VoucherCheckout checkout;
    private final VoucherClaims claims;

    public VoucherApiController(ActorResolver actors, Programmes programmes, VoucherCheckout checkout, VoucherClaims claims) {
        this.actors = actors;
        this.programmes = programmes;
        this.checkout = checkout;
        this.claims = claims;
    }

    /** Why (required to reject). */
    @Serdeable
    public record Reason(@Nullable String reason) {
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/voucher-programmes")
    public List<Programme> programmes(@Nullable Authentication auth) {
        return programmes.list(actors.require(auth));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/voucher-programmes")
    public HttpResponse<Programme> create(@Nullable Authentication auth, @Nullable @Body NewProgramme body) {
        return HttpResponse.created(programmes.create(actors.require(auth), body));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/voucher-programmes/{id}")
    public Programme programme(@Nullable Authentication auth, @PathVariable long id) {
        return programmes.get(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/voucher-programmes/{id}/grants")
    public List<Grant> grants(@Nullable Authentication auth, @PathVariable long id) {
        return programmes.grantsOf(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/voucher-programmes/{id}/grants")
    public HttpResponse<Grant> grant(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body NewGrant body) {
        return HttpResponse.created(programmes.grant(actors.require(auth), id, body));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/organisations/{orgId}/voucher-grants")
    public List<Grant> grantsOfOrganisation(@Nullable Authentication auth, @PathVariable long orgId) {
        return programmes.grantsOfOrganisation(actors.require(auth), orgId);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/orders/{id}/voucher")
    public OrderVoucher voucher(@Nullable Authentication auth, @PathVariable long id) {
        return checkout.preview(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/orders/{id}/checkout")
    public VoucherCheckout.Checkout checkout(@Nullable Authentication auth, @PathVariable long id) {
        return checkout.checkout(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/voucher-claims")
    public List<Claim> claims(@Nullable Authentication auth, @Nullable @QueryValue String state) {
        return claims.list(actors.require(auth), state);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/voucher-claims/{id}/approve")
    public Claim approve(@Nullable Authentication auth, @PathVariable long id) {
        return claims.approve(actors.require(auth), id);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/voucher-claims/{id}/reject")
    public Claim reject(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Reason body) {
        return claims.reject(actors.require(auth), id, body == null ? null : body.reason());
    }
}
