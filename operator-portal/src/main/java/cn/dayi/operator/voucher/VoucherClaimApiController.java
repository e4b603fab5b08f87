package cn.dayi.operator.voucher;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.voucher.VoucherClaims;
import cn.dayi.marketplace.voucher.VoucherClaims.Claim;
import cn.dayi.marketplace.voucher.VoucherClaims.NewClaim;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;

/**
 * Voucher redemption claims (兑付) of an operator. Money is fen; {@code period} is a month {@code YYYY-MM}
 * (Asia/Shanghai) of the orders' completion.
 * <ul>
 *   <li>{@code GET /api/v1/operators/{operatorId}/voucher-claims} — its manager and finance staff, fiscal
 *       officers, platform admins → {@link Claim}s</li>
 *   <li>{@code POST /api/v1/operators/{operatorId}/voucher-claims} {@link NewClaim} {@code {"programmeId",
 *       "period"}} — its manager or finance staff → 201 {@link Claim} of every unclaimed voucher captured on its
 *       orders of that programme and month; 422 {@code NOTHING_TO_CLAIM}, 400 {@code PERIOD_INVALID} /
 *       {@code PROGRAMME_REQUIRED}, 404 {@code PROGRAMME_NOT_FOUND}, 403 {@code FORBIDDEN}</li>
 * </ul>
 */
@Controller("/api/v1/operators/{operatorId}/voucher-claims")
@ExecuteOn(TaskExecutors.BLOCKING)
public class VoucherClaimApiController {

    private final ActorResolver actors;
    private final VoucherClaims claims;

    public VoucherClaimApiController(ActorResolver actors, VoucherClaims claims) {
        this.actors = actors;
        this.claims = claims;
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get
    public List<Claim> list(@Nullable Authentication auth, @PathVariable long operatorId) {
        return claims.ofOperator(actors.require(auth), operatorId);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post
    public HttpResponse<Claim> submit(@Nullable Authentication auth, @PathVariable long operatorId,
                                      @Nullable @Body NewClaim body) {
        return HttpResponse.created(claims.submit(actors.require(auth), operatorId, body));
    }
}
