package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.web.pages.Pages;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Administration pages for platform admins (the same services as the admin API):
 * <ul>
 *   <li>{@code GET /admin?q=&kind=} — find organisations; a form to create one</li>
 *   <li>{@code POST /admin/organisations} (form: nameZh, nameEn, kind, regionCode)</li>
 *   <li>{@code GET /admin/organisations/{id}} — its people and roles; a form to open an account with
 *       a role that fits the organisation's kind</li>
 *   <li>{@code POST /admin/organisations/{id}/people} (form: email, displayName, password, role)</li>
 * </ul>
 * A bad form comes back with the reason and what was typed (never the password).
 */
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AdminPagesController {

    private final ActorResolver actors;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Pages pages;

    public AdminPagesController(ActorResolver actors, Organisations organisations, Accounts accounts, Pages pages) {
        this.actors = actors;
        this.organisations = organisations;
        this.accounts = accounts;
        this.pages = pages;
    }

    /** The new-organisation form. */
    @Serdeable
    public record OrganisationForm(@Nullable String nameZh, @Nullable String nameEn, @Nullable OrganisationKind kind,
                                   @Nullable String regionCode) {
    }

    /** The new-person form. */
    @Serdeable
    public record PersonForm(@Nullable String email, @Nullable String displayName, @Nullable String password,
                             @Nullable Role role) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> index(HttpRequest<?> request, @Nullable Authentication auth,
                                                   @Nullable @QueryValue String q, @Nullable @QueryValue OrganisationKind kind) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        return new ModelAndView<>("admin", indexModel(request, q, kind, new OrganisationForm("", "", null, ""), null));
    }

    @Post(value = "/organisations", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> createOrganisation(HttpRequest<?> request, @Nullable Authentication auth,
                                              @Body OrganisationForm form) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        try {
            Organisation o = organisations.create(form.nameZh(), form.nameEn(), form.kind(), form.regionCode());
            return HttpResponse.seeOther(URI.create("/admin/organisations/" + o.id()));
        } catch (ApiException e) {
            return HttpResponse.status(e.status()).body(new ModelAndView<>("admin",
                    indexModel(request, null, null, form, e.getMessage())));
        }
    }

    @Get(value = "/organisations/{id}", produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> organisation(HttpRequest<?> request, @Nullable Authentication auth,
                                                          @PathVariable long id, @Nullable @QueryValue String added) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        return new ModelAndView<>("admin-organisation", orgModel(request, organisations.get(id),
                new PersonForm("", "", null, null), added, null));
    }

    @Post(value = "/organisations/{id}/people", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> addPerson(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long id,
                                     @Body PersonForm form) {
        var actor = actors.require(auth);
        actor.requireRole(Role.PLATFORM_ADMIN);
        Organisation o = organisations.get(id);
        try {
            accounts.create(form.email(), form.displayName(), form.password(), id, form.role(), actor.personId());
            return HttpResponse.seeOther(URI.create("/admin/organisations/" + id + "?added=" + Accounts.normalise(form.email())));
        } catch (ApiException e) {
            return HttpResponse.status(e.status()).body(new ModelAndView<>("admin-organisation", orgModel(request, o,
                    new PersonForm(form.email(), form.displayName(), null, form.role()), null, e.getMessage())));
        }
    }

    private Map<String, Object> indexModel(HttpRequest<?> request, String q, OrganisationKind kind, OrganisationForm form,
                                           String error) {
        Map<String, Object> model = pages.model(request, pages.text(request).get("admin.title"), "admin");
        model.put("q", q == null ? "" : q);
        model.put("kind", kind);
        model.put("kinds", OrganisationKind.values());
        model.put("organisations", organisations.search(q, kind, 200));
        model.put("form", form);
        model.put("error", error);
        return model;
    }

    private Map<String, Object> orgModel(HttpRequest<?> request, Organisation o, PersonForm form, String added, String error) {
        Map<String, Object> model = pages.model(request, o.nameZh(), "admin");
        model.put("org", o);
        model.put("people", accounts.members(o.id()));
        List<Role> fitting = Arrays.stream(Role.values()).filter(r -> r.fits(o.kind())).toList();
        model.put("roles", fitting);
        model.put("form", form);
        model.put("added", added);
        model.put("error", error);
        return model;
    }
}
