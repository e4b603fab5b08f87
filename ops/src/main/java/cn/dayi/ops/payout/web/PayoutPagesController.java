package cn.dayi.ops.payout.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.ops.payout.PayoutAccounts;
import cn.dayi.ops.payout.Payouts;
import cn.dayi.ops.settlement.SettlementPeriod;
import cn.dayi.ops.settlement.StatementReviews;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Payout pages (plain forms, 303 back to the page):
 * <ul>
 *   <li>{@code GET /organisations/{orgId}/payout-account} — the organisation's payout account form (Stripe connected
 *       account and/or bank details), linked from {@code /statements}; {@code POST} saves it and goes back to
 *       {@code /statements?org=}, or shows the form again with each field's error beside it and what was typed</li>
 *   <li>{@code GET /admin/payouts?period=} — platform admins: a period's payouts (state, amount, party, method,
 *       destination, reasons), the bank payout file's download, mark paid / failed, retry</li>
 *   <li>{@code GET /admin/payouts/bank-file?period=} — the period's bank payout file (CSV, UTF-8 with BOM)</li>
 *   <li>{@code POST /admin/payouts/{id}/paid} (bankReference), {@code …/failed} (reason), {@code …/retry}</li>
 * </ul>
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PayoutPagesController {

    /** The payout account form. */
    @Serdeable
    public record AccountForm(@Nullable String stripeAccountId, @Nullable String payeeName, @Nullable String bankName,
                              @Nullable String accountNumber) {
    }

    /** The mark-paid form. */
    @Serdeable
    public record PaidForm(@Nullable String bankReference) {
    }

    /** The mark-failed form. */
    @Serdeable
    public record FailedForm(@Nullable String reason) {
    }

    private final ActorResolver actors;
    private final PayoutAccounts accounts;
    private final Payouts payouts;
    private final Pages pages;
    private final Clock clock;

    public PayoutPagesController(ActorResolver actors, PayoutAccounts accounts, Payouts payouts, Pages pages, Clock clock) {
        this.actors = actors;
        this.accounts = accounts;
        this.payouts = payouts;
        this.pages = pages;
        this.clock = clock;
    }

    @Get(value = "/organisations/{orgId}/payout-account", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> accountPage(HttpRequest<?> request, @Nullable Authentication auth,
                                                         @PathVariable long orgId, @Nullable @QueryValue String saved) {
        Actor actor = actors.require(auth);
        PayoutAccounts.View v = accounts.get(actor, orgId);
        ModelAndView<Map<String, Object>> page = accountView(request, v,
                new AccountForm(v.stripeAccountId(), v.payeeName(), v.bankName(), v.accountNumber()), Map.of());
        page.getModel().ifPresent(m -> m.put("saved", saved != null));
        return page;
    }

    @Post(value = "/organisations/{orgId}/payout-account", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> saveAccount(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long orgId,
                              @Nullable @Body AccountForm form) {
        Actor actor = actors.require(auth);
        PayoutAccounts.View before = accounts.get(actor, orgId); // 404 for outsiders, before anything else
        AccountForm f = form == null ? new AccountForm(null, null, null, null) : form;
        try {
            accounts.set(actor, orgId, new PayoutAccounts.Change(f.stripeAccountId(), f.payeeName(), f.bankName(),
                    f.accountNumber()));
            // the party goes back to its statements; a platform admin (not a member) stays on the form
            return HttpResponse.seeOther(URI.create(actor.hasRoleIn(orgId, StatementReviews.ANSWERING)
                    ? "/statements?org=" + orgId + "&done=ACCOUNT_SAVED#payout-account"
                    : "/organisations/" + orgId + "/payout-account?saved=true"));
        } catch (ApiException.ValidationFailed e) {
            Map<String, String> errors = new HashMap<>();
            e.errors().forEach(err -> errors.putIfAbsent(err.field(), err.message()));
            return HttpResponse.badRequest(accountView(request, before, f, errors)).contentType(MediaType.TEXT_HTML_TYPE);
        }
    }

    private ModelAndView<Map<String, Object>> accountView(HttpRequest<?> request, PayoutAccounts.View v, AccountForm form,
                                                         Map<String, String> errors) {
        Map<String, Object> model = pages.model(request, pages.text(request).get("payouts.account.title"), "owner");
        model.put("account", v);
        model.put("form", form);
        model.put("errors", errors);
        model.put("saved", false);
        return new ModelAndView<>("payout-account", model);
    }

    @Get(value = "/admin/payouts", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> admin(HttpRequest<?> request, @Nullable Authentication auth,
                                                   @Nullable @QueryValue String period, @Nullable @QueryValue String done,
                                                   @Nullable @QueryValue String error) {
        Actor actor = actors.require(auth);
        actor.requireRole(Role.PLATFORM_ADMIN);
        List<String> periods = payouts.periods(actor);
        SettlementPeriod chosen = period != null && !period.isBlank() ? PayoutApiController.period(period)
                : periods.isEmpty() ? SettlementPeriod.monthBefore(clock.instant()) : SettlementPeriod.parse(periods.get(0));
        List<Payouts.View> rows = payouts.ofPeriod(actor, chosen);
        Map<String, Object> model = pages.model(request, pages.text(request).get("payouts.admin.title"), "admin");
        model.put("period", chosen.toString());
        model.put("periods", periods);
        model.put("payouts", rows);
        model.put("inFile", rows.stream().filter(p -> "IN_FILE".equals(p.state())).count());
        model.put("inFileFen", rows.stream().filter(p -> "IN_FILE".equals(p.state())).mapToLong(Payouts.View::amountFen).sum());
        model.put("totalFen", rows.stream().mapToLong(Payouts.View::amountFen).sum());
        model.put("done", done);
        model.put("error", error);
        return new ModelAndView<>("admin-payouts", model);
    }

    @Get(value = "/admin/payouts/bank-file", produces = "text/csv")
    public HttpResponse<byte[]> bankFile(@Nullable Authentication auth, @Nullable @QueryValue String period) {
        Actor actor = actors.require(auth);
        actor.requireRole(Role.PLATFORM_ADMIN);
        SettlementPeriod p = PayoutApiController.period(period);
        return HttpResponse.ok(payouts.bankFile(actor, p)).contentType("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dayi-payouts-" + p + ".csv\"");
    }

    @Post(value = "/admin/payouts/{id}/paid", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> paid(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body PaidForm form) {
        Actor actor = actors.require(auth);
        return acted(actor, id, () -> payouts.markPaid(actor, id, form == null ? null : form.bankReference()), "PAID");
    }

    @Post(value = "/admin/payouts/{id}/failed", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> failed(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body FailedForm form) {
        Actor actor = actors.require(auth);
        return acted(actor, id, () -> payouts.markFailed(actor, id, form == null ? null : form.reason()), "FAILED");
    }

    @Post(value = "/admin/payouts/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> retry(@Nullable Authentication auth, @PathVariable long id) {
        Actor actor = actors.require(auth);
        return acted(actor, id, () -> payouts.retry(actor, id), "RETRIED");
    }

    private HttpResponse<?> acted(Actor actor, long id, Supplier<Payouts.View> action, String done) {
        String period = payouts.get(actor, id).period(); // 403 / 404 before anything else
        try {
            action.get();
            return HttpResponse.seeOther(URI.create("/admin/payouts?period=" + period + "&done=" + done + "#payout-" + id));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create("/admin/payouts?period=" + period + "&error="
                    + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8) + "#payout-" + id));
        }
    }
}
