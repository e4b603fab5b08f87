package cn.dayi.operator.pages;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Membership;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.web.pages.PageText;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.catalogue.web.pages.PriceText;
import cn.dayi.marketplace.tariff.PricesFrom;
import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.marketplace.entrustment.Entrustment;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle.Command;
import cn.dayi.marketplace.entrustment.EntrustmentLifecycle.Party;
import cn.dayi.marketplace.entrustment.Entrustments;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.web.ApiException;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pages of the operator workspace and the owner side (signed-in; anonymous browsers are sent to
 * {@code /sign-in}):
 * <ul>
 *   <li>{@code GET /operator?org=} — fleet (custody, status, current tariff at the commercial rate), entrustments,
 *       the proposal form;</li>
 *   <li>{@code POST /operator/{operatorId}/entrustments} — drafts (and by default proposes) an
 *       entrustment; on bad input the form comes back with what was typed and the reason;</li>
 *   <li>{@code GET /owner?org=} — the owner's instruments with their custodians, entrustments to
 *       accept, decline or terminate;</li>
 *   <li>{@code GET /entrustments/{id}} — terms, instruments, audit trail and the actions open to the
 *       viewer; {@code POST /entrustments/{id}/{command}} (form field {@code reason}).</li>
 * </ul>
 * The same services as the API decide who may do what, so pages and API cannot disagree.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OperatorPagesController {


    private final ActorResolver actors;
    private final Entrustments entrustments;
    private final Fleet fleet;
    private final Organisations organisations;
    private final Pages pages;
    private final PricesFrom pricesFrom;

    public OperatorPagesController(ActorResolver actors, Entrustments entrustments, Fleet fleet,
                                   Organisations organisations, Pages pages, PricesFrom pricesFrom) {
        this.pricesFrom = pricesFrom;
        this.actors = actors;
        this.entrustments = entrustments;
        this.fleet = fleet;
        this.organisations = organisations;
        this.pages = pages;
    }

    /** The reason field of the action forms. */
    @Serdeable
    public record ReasonForm(@Nullable String reason) {
    }

    /** One line of the audit trail as shown: time in Asia/Shanghai, event, who (null = system), why. */
    public record HistoryRow(String at, String event, String actorName, String reason) {
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** An action button on an entrustment. */
    public record Action(String command, String labelKey, boolean needsReason) {
    }

    @Get(value = "/operator", produces = MediaType.TEXT_HTML)
    public HttpResponse<?> operator(HttpRequest<?> request, @Nullable Authentication auth, @Nullable @QueryValue Long org,
                                    @Nullable @QueryValue String done, @Nullable @QueryValue String error) {
        Actor actor = actors.require(auth);
        Optional<Membership> chosen = choose(actor, org, Role.OPERATOR_STAFF);
        if (chosen.isEmpty()) {
            throw new ApiException.Forbidden("FORBIDDEN", "The operator workspace is for operator staff.");
        }
        return HttpResponse.ok(new ModelAndView<>("operator", operatorPage(request, actor, chosen.get(),
                EntrustmentForm.blank(entrustments.today()), done, error, List.of())));
    }

    @Post(value = "/operator/{operatorId}/entrustments", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> propose(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long operatorId,
                                   @Body EntrustmentForm form) {
        Actor actor = actors.require(auth);
        Membership membership = choose(actor, operatorId, Role.OPERATOR_STAFF).filter(m -> m.organisationId() == operatorId)
                .orElseThrow(() -> new ApiException.Forbidden("FORBIDDEN", "You are not staff of this operator."));
        try {
            Entrustment drafted = entrustments.draft(actor, operatorId, form.toCommand());
            if (form.proposeNow()) {
                entrustments.command(actor, drafted.id(), Command.PROPOSE, null);
            }
            return HttpResponse.seeOther(URI.create("/entrustments/" + drafted.id() + "?done="
                    + (form.proposeNow() ? "PROPOSE" : "DRAFT")));
        } catch (ApiException e) {
            return HttpResponse.status(e.status()).body(new ModelAndView<>("operator", operatorPage(request, actor,
                    membership, form, null, e.getMessage(), e.errors().stream().map(ApiException.FieldError::field).toList())));
        }
    }

    @Get(value = "/owner", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> owner(HttpRequest<?> request, @Nullable Authentication auth,
                                                   @Nullable @QueryValue Long org, @Nullable @QueryValue String done) {
        Actor actor = actors.require(auth);
        Membership m = choose(actor, org, Set.of(Role.OWNER_ADMIN)).orElseThrow(() ->
                new ApiException.Forbidden("FORBIDDEN", "The owner pages are for owner admins."));
        Map<String, Object> model = pages.model(request, pages.text(request).get("owner.title"), "owner");
        model.put("org", m);
        model.put("orgs", orgs(actor, Set.of(Role.OWNER_ADMIN)));
        model.put("instruments", fleet.ownedBy(actor, m.organisationId()));
        model.put("entrustments", entrustments.ofOrganisation(actor, m.organisationId()));
        model.put("done", done);
        return new ModelAndView<>("owner", model);
    }

    @Get(value = "/entrustments/{id}", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> entrustment(HttpRequest<?> request, @Nullable Authentication auth,
                                                         @PathVariable long id, @Nullable @QueryValue String done,
                                                         @Nullable @QueryValue String error) {
        Actor actor = actors.require(auth);
        Entrustment e = entrustments.get(actor, id);
        Map<String, Object> model = pages.model(request, pages.text(request).get("entrustment.title", e.id()), "operator");
        model.put("e", e);
        model.put("history", e.history().stream().map(h -> new HistoryRow(
                TIME.format(h.at().atZone(cn.dayi.marketplace.time.ClockFactory.SHANGHAI)), h.event(),
                h.actorName(), h.reason())).toList());
        model.put("actions", actions(actor, e));
        model.put("done", done);
        model.put("error", error);
        return new ModelAndView<>("entrustment", model);
    }

    @Post(value = "/entrustments/{id}/{command}", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    public HttpResponse<?> command(@Nullable Authentication auth, @PathVariable long id, @PathVariable String command,
                                   @Nullable @Body ReasonForm form) {
        Actor actor = actors.require(auth);
        Command c;
        try {
            c = Command.valueOf(command.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new ApiException.NotFound("NOT_FOUND", "There is no action '" + command + "'.");
        }
        try {
            entrustments.command(actor, id, c, form == null ? null : form.reason());
            return HttpResponse.seeOther(URI.create("/entrustments/" + id + "?done=" + c));
        } catch (ApiException e) {
            if (e instanceof ApiException.NotFound || e instanceof ApiException.Forbidden) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create("/entrustments/" + id + "?error="
                    + URLEncoder.encode(e.getMessage(), StandardCharsets.UTF_8)));
        }
    }

    private Map<String, Object> operatorPage(HttpRequest<?> request, Actor actor, Membership m, EntrustmentForm form,
                                             String done, String error, List<String> badFields) {
        Map<String, Object> model = pages.model(request, pages.text(request).get("operator.title"), "operator");
        model.put("org", m);
        model.put("orgs", orgs(actor, Role.OPERATOR_STAFF));
        model.put("canPropose", actor.hasRoleIn(m.organisationId(), Role.OPERATOR_MANAGER));
        model.put("canSeeRevenue", actor.hasRoleIn(m.organisationId(), Role.OPERATOR_MANAGER, Role.OPERATOR_FINANCE));
        List<Fleet.FleetInstrument> instruments = fleet.of(actor, m.organisationId());
        model.put("fleet", instruments);
        PageText text = pages.text(request);
        Map<Long, String> tariffs = new java.util.HashMap<>();
        pricesFrom.today(instruments.stream().map(Fleet.FleetInstrument::instrumentId).toList(), BuyerClass.COMMERCIAL)
                .forEach((id, p) -> tariffs.put(id, p.tariffCode() + " v" + p.tariffVersion() + " · "
                        + PriceText.from(p.unitPriceFen(), p.chargeUnit(), text)));
        model.put("tariffs", tariffs);
        model.put("entrustments", entrustments.ofOrganisation(actor, m.organisationId()));
        model.put("owners", owners());
        model.put("form", form);
        model.put("done", done);
        model.put("error", error);
        model.put("badFields", badFields);
        return model;
    }

    private List<Organisation> owners() {
        return organisations.search("", null, 500).stream()
                .filter(o -> o.kind() != OrganisationKind.OPERATOR && o.kind() != OrganisationKind.AUTHORITY).toList();
    }

    private static List<Action> actions(Actor actor, Entrustment e) {
        Party party = actor.hasRoleIn(e.owner().id(), Role.OWNER_ADMIN) ? Party.OWNER
                : actor.hasRoleIn(e.operator().id(), Role.OPERATOR_MANAGER) ? Party.OPERATOR : null;
        if (party == null) {
            return List.of();
        }
        return EntrustmentLifecycle.available(e.state(), party).stream()
                .map(c -> new Action(c.name().toLowerCase(Locale.ROOT), "entrustment.action." + c,
                        EntrustmentLifecycle.of(c).reasonRequired()))
                .toList();
    }

    private static Optional<Membership> choose(Actor actor, Long org, Set<Role> roles) {
        List<Membership> candidates = actor.memberships().stream().filter(m -> roles.contains(m.role())).toList();
        if (org != null) {
            return candidates.stream().filter(m -> m.organisationId() == org).findFirst();
        }
        return candidates.stream().findFirst();
    }

    private static List<Membership> orgs(Actor actor, Set<Role> roles) {
        java.util.Set<Long> seen = new java.util.HashSet<>();
        return actor.memberships().stream().filter(m -> roles.contains(m.role()))
                .filter(m -> seen.add(m.organisationId())).toList(); // one entry per organisation
    }
}
