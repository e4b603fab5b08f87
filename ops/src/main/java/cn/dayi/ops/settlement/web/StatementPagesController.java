package cn.dayi.ops.settlement.web;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Membership;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.ops.payout.PayoutAccounts;
import cn.dayi.ops.payout.Payouts;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pages (plain forms, 303 back to the page):
 * <ul>
 *   <li>{@code GET /statements?org=} — the monthly statements of one of my organisations (as owner admin, operator
 *       manager or finance): figures, lines, standing, and the approve button and dispute form while it is open;
 *       each approved statement's payout (state, method, reason) and the organisation's payout account with a link to
 *       its form ({@code /organisations/{orgId}/payout-account})</li>
 *   <li>{@code POST /statements/{id}/approve}, {@code POST /statements/{id}/dispute} (form: reason)</li>
 *   <li>{@code GET /admin/statements} — platform admins: statements in dispute with their reasons</li>
 * </ul>
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class StatementPagesController {

    /** The dispute form. */
    @Serdeable
    public record DisputeForm(@Nullable String reason) {
    }

    private final ActorResolver actors;
    private final StatementReviews reviews;
    private final Pages pages;
    private final Payouts payouts;
    private final PayoutAccounts accounts;

    public StatementPagesController(ActorResolver actors, StatementReviews reviews, Pages pages, Payouts payouts,
                                    PayoutAccounts accounts) {
        this.actors = actors;
        this.reviews = reviews;
        this.pages = pages;
        this.payouts = payouts;
        this.accounts = accounts;
    }

    @Get(value = "/statements", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> index(HttpRequest<?> request, @Nullable Authentication auth,
                                                   @Nullable @QueryValue Long org, @Nullable @QueryValue String done,
                                                   @Nullable @QueryValue String error) {
        Actor actor = actors.require(auth);
        Set<Long> seen = new HashSet<>();
        List<Membership> orgs = actor.memberships().stream().filter(m -> StatementReviews.ANSWERING.contains(m.role()))
                .filter(m -> seen.add(m.organisationId())).toList();
        Membership chosen = orgs.stream().filter(m -> org == null || m.organisationId() == org).findFirst()
                .orElseThrow(() -> new ApiException.NotFound("STATEMENT_NOT_FOUND",
                        "You take part in no organisation whose statements you may answer."));
        Map<String, Object> model = pages.model(request, pages.text(request).get("statements.title"), "owner");
        model.put("org", chosen);
        model.put("orgs", orgs);
        model.put("statements", reviews.ofParty(actor, chosen.organisationId()));
        Map<Long, Payouts.View> byStatement = new java.util.HashMap<>();
        payouts.ofParty(actor, chosen.organisationId()).forEach(p -> byStatement.put(p.statementId(), p));
        model.put("payouts", byStatement);
        model.put("account", accounts.get(actor, chosen.organisationId()));
        model.put("done", done);
        model.put("error", error);
        return new ModelAndView<>("statements", model);
    }

    @Post(value = "/statements/{id}/approve", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> approve(@Nullable Authentication auth, @PathVariable long id) {
        Actor actor = actors.require(auth);
        return answered(actor, id, () -> reviews.approve(actor, id), "APPROVED");
    }

    @Post(value = "/statements/{id}/dispute", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> dispute(@Nullable Authentication auth, @PathVariable long id, @Nullable @Body DisputeForm form) {
        Actor actor = actors.require(auth);
        return answered(actor, id, () -> reviews.dispute(actor, id, form == null ? null : form.reason()), "DISPUTED");
    }

    private HttpResponse<?> answered(Actor actor, long id, java.util.function.Supplier<StatementReviews.View> answer,
                                     String done) {
        long party = reviews.get(actor, id).partyId(); // 404 for outsiders, before anything else
        try {
            answer.get();
            return HttpResponse.seeOther(URI.create("/statements?org=" + party + "&done=" + done + "#statement-" + id));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create("/statements?org=" + party + "&error="
                    + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8) + "#statement-" + id));
        }
    }

    @Get(value = "/admin/statements", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> disputed(HttpRequest<?> request, @Nullable Authentication auth) {
        Actor actor = actors.require(auth);
        Map<String, Object> model = pages.model(request, pages.text(request).get("statements.disputed.title"), "admin");
        model.put("statements", reviews.disputed(actor));
        return new ModelAndView<>("admin-statements", model);
    }
}
