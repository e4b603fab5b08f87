package cn.dayi.ops.payout.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.ops.payout.PayoutAccounts;
import cn.dayi.ops.payout.Payouts;
import cn.dayi.ops.settlement.SettlementPeriod;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
 * Payout accounts and payouts of settlement statements (rules and errors on {@link PayoutAccounts} and
 * {@link Payouts}). Money in fen (CNY).
 * <ul>
 *   <li>{@code GET /api/v1/organisations/{orgId}/payout-account} → {@link PayoutAccounts.View} (the organisation's
 *       owner admins, operator managers and finance; platform admins; others 404 {@code PAYOUT_ACCOUNT_NOT_FOUND})</li>
 *   <li>{@code PUT /api/v1/organisations/{orgId}/payout-account}
 *       {@code {stripeAccountId?, payeeName?, bankName?, accountNumber?}} → the account; 400 with field errors</li>
 *   <li>{@code GET /api/v1/organisations/{orgId}/payouts} → {@link Payouts.View} list, newest period first (404
 *       {@code PAYOUT_NOT_FOUND} for outsiders)</li>
 *   <li>{@code GET /api/v1/admin/payouts?period=YYYY-MM} → a period's payouts (platform admins; 400
 *       {@code PERIOD_INVALID})</li>
 *   <li>{@code POST /api/v1/admin/payouts/{id}/paid} {@code {bankReference?}} → PAID, journal posted (409
 *       {@code PAYOUT_NOT_IN_FILE})</li>
 *   <li>{@code POST /api/v1/admin/payouts/{id}/failed} {@code {reason}} → FAILED (400 {@code REASON_REQUIRED})</li>
 *   <li>{@code POST /api/v1/admin/payouts/{id}/retry} → routed again (409 {@code PAYOUT_NOT_FAILED})</li>
 * </ul>
 * The period's bank payout file is {@code GET /admin/payouts/bank-file?period=} ({@link PayoutPagesController}).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Payouts")
public class PayoutApiController {

    /** Marking a bank payout paid: the bank's reference, optional. */
    @Serdeable
    public record Paid(@Nullable String bankReference) {
    }

    /** Why a bank payout failed. */
    @Serdeable
    public record Failed(@Nullable String reason) {
    }

    private final ActorResolver actors;
    private final PayoutAccounts accounts;
    private final Payouts payouts;

    public PayoutApiController(ActorResolver actors, PayoutAccounts accounts, Payouts payouts) {
        this.actors = actors;
        this.accounts = accounts;
        this.payouts = payouts;
    }

    @Get("/organisations/{orgId}/payout-account")
    public PayoutAccounts.View account(@Nullable Authentication auth, @PathVariable long orgId) {
        return accounts.get(actors.require(auth), orgId);
    }

    @Put("/organisations/{orgId}/payout-account")
    public PayoutAccounts.View setAccount(@Nullable Authentication auth, @PathVariable long orgId,
                                          @Nullable @Body PayoutAccounts.Change body) {
        return accounts.set(actors.require(auth), orgId, body);
    }

    @Get("/organisations/{orgId}/payouts")
    public List<Payouts.View> ofParty(@Nullable Authentication auth, @PathVariable long orgId) {
        return payouts.ofParty(actors.require(auth), orgId);
    }

    @Get("/admin/payouts")
    public List<Payouts.View> ofPeriod(@Nullable Authentication auth, @Nullable @QueryValue String period) {
        var actor = actors.require(auth);
        actor.requireRole(cn.dayi.marketplace.account.Role.PLATFORM_ADMIN); // before the period is looked at
        return payouts.ofPeriod(actor, period(period));
    }

    @Post("/admin/payouts/{id}/paid")
    public Payouts.View paid(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Paid body) {
        return payouts.markPaid(actors.require(auth), id, body == null ? null : body.bankReference());
    }

    @Post("/admin/payouts/{id}/failed")
    public Payouts.View failed(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body Failed body) {
        return payouts.markFailed(actors.require(auth), id, body == null ? null : body.reason());
    }

    @Post("/admin/payouts/{id}/retry")
    public Payouts.View retry(@Nullable Authentication auth, @PathVariable long id) {
        return payouts.retry(actors.require(auth), id);
    }

    /** {@code YYYY-MM}; 400 {@code PERIOD_INVALID} otherwise. */
    static SettlementPeriod period(String text) {
        try {
            return SettlementPeriod.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiException.ValidationFailed("period", "PERIOD_INVALID", "Give the period as a month, YYYY-MM, e.g. 2026-10.");
        }
    }
}
