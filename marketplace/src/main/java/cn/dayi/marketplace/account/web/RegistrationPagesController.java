package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Registrations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
import cn.dayi.marketplace.time.ClockFactory;
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
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages for enterprise self-registration and its verification:
 * <ul>
 *   <li>{@code GET /register}, {@code POST /register} (anyone; form: organisationName, creditCode, regionCode,
 *       email, displayName, password): the enterprise and its first buyer member, PENDING until a platform admin
 *       verifies it. Bad input shows the form again, each field's reason beside it, everything typed kept (but
 *       the password).</li>
 *   <li>{@code GET /admin/verifications} (platform admins): organisations waiting, with their unified social
 *       credit code, who registered and the business licence they uploaded (a link to open it, or a warning that
 *       there is none yet); {@code POST /admin/verifications/{id}} (form: decision=approve|reject,
 *       reason — required to reject; the registrant is e-mailed the decision).</li>
 * </ul>
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class RegistrationPagesController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockFactory.SHANGHAI);

    private final Registrations registrations;
    private final ActorResolver actors;
    private final Pages pages;
    private final VerificationStandings standings;

    public RegistrationPagesController(Registrations registrations, ActorResolver actors, Pages pages,
                                       VerificationStandings standings) {
        this.registrations = registrations;
        this.actors = actors;
        this.pages = pages;
        this.standings = standings;
    }

    /** The registration form. */
    @Serdeable
    public record RegistrationForm(@Nullable String organisationName, @Nullable String creditCode,
                                   @Nullable String regionCode, @Nullable String email, @Nullable String displayName,
                                   @Nullable String password) {
    }

    /** An admin's decision on the page. */
    @Serdeable
    public record DecisionForm(@Nullable String decision, @Nullable String reason) {
    }

    /** A waiting organisation as the page shows it; {@code licence} null when no licence is uploaded yet. */
    public record PendingRow(long id, String name, String creditCode, String region, String registeredAt,
                             String registrant, String licence) {
    }

    @Get(value = "/register", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ModelAndView<Map<String, Object>> form(HttpRequest<?> request) {
        return new ModelAndView<>("register", model(request, new RegistrationForm("", "", "", "", "", null), Map.of(), null));
    }

    @Post(value = "/register", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<?> register(HttpRequest<?> request, @Body RegistrationForm form) {
        try {
            registrations.register(new Registrations.Registration(form.organisationName(), form.creditCode(),
                    form.regionCode(), form.email(), form.displayName(), form.password()));
            Map<String, Object> done = pages.model(request, pages.text(request).get("register.done.title"), "account");
            done.put("email", form.email() == null ? "" : form.email().strip());
            done.put("organisationName", form.organisationName() == null ? "" : form.organisationName().strip());
            return HttpResponse.created(new ModelAndView<>("register-done", done));
        } catch (ApiException.ValidationFailed e) {
            Map<String, String> errors = new HashMap<>();
            e.errors().forEach(fe -> errors.merge(fe.field(), fe.message(), (a, b) -> a + " " + b));
            return HttpResponse.badRequest(new ModelAndView<>("register", model(request, form, errors, null)));
        } catch (ApiException e) {
            return HttpResponse.status(e.status()).body(new ModelAndView<>("register", model(request, form, Map.of(),
                    e.getMessage())));
        }
    }

    @Get(value = "/admin/verifications", produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public ModelAndView<Map<String, Object>> pending(HttpRequest<?> request, @Nullable Authentication auth,
                                                     @Nullable @QueryValue String done) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        return new ModelAndView<>("verifications", pendingModel(request, done, null));
    }

    private Map<String, Object> pendingModel(HttpRequest<?> request, String done, String error) {
        Map<String, Object> model = pages.model(request, pages.text(request).get("verifications.title"), "admin");
        List<PendingRow> rows = registrations.pending().stream().map(p -> new PendingRow(p.organisationId(), p.name(),
                p.creditCode(), p.regionCode() == null ? "—" : p.regionCode(), WHEN.format(p.registeredAt()),
                p.registrantEmail() == null ? "—" : p.registrantEmail(), standings.licenceOf(p.organisationId()))).toList();
        model.put("pending", rows);
        model.put("done", done);
        model.put("error", error);
        return model;
    }

    @Post(value = "/admin/verifications/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<?> decide(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id,
                                  @Body DecisionForm form) {
        var admin = actors.require(auth);
        admin.requireRole(Role.PLATFORM_ADMIN);
        boolean approve = "approve".equals(form.decision());
        try {
            Registrations.Verification v = registrations.decide(admin, id, approve, form.reason());
            return HttpResponse.seeOther(URI.create("/admin/verifications?done=" + v.verification()));
        } catch (ApiException e) {
            return HttpResponse.status(e.status()).body(new ModelAndView<>("verifications",
                    pendingModel(request, null, e.getMessage())));
        }
    }

    private Map<String, Object> model(HttpRequest<?> request, RegistrationForm form, Map<String, String> errors,
                                      String error) {
        Map<String, Object> model = pages.model(request, pages.text(request).get("register.title"), "account");
        model.put("form", form);
        model.put("errors", errors);
        model.put("error", error);
        return model;
    }
}
