package cn.dayi.operator.pages;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.StaffPolicy;
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
import java.util.List;
import java.util.Map;

/**
 * An operator's staff and roles: {@code GET /operator/{operatorId}/staff} lists the people with
 * their roles; {@code POST /operator/{operatorId}/staff} (form: email, displayName, password, role)
 * opens an account for a new technician, finance clerk or manager. Operator managers of that
 * operator and platform admins only ({@link StaffPolicy}); a bad form comes back with the reason and
 * what was typed (never the password).
 */
@Controller("/operator/{operatorId}/staff")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class StaffPagesController {

    static final List<Role> OPERATOR_ROLES = List.of(Role.OPERATOR_TECHNICIAN, Role.OPERATOR_FINANCE, Role.OPERATOR_MANAGER);

    private final ActorResolver actors;
    private final Accounts accounts;
    private final Organisations organisations;
    private final Pages pages;

    public StaffPagesController(ActorResolver actors, Accounts accounts, Organisations organisations, Pages pages) {
        this.actors = actors;
        this.accounts = accounts;
        this.organisations = organisations;
        this.pages = pages;
    }

    /** The new-person form. */
    @Serdeable
    public record StaffForm(@Nullable String email, @Nullable String displayName, @Nullable String password,
                            @Nullable Role role) {
    }

    @Get(produces = MediaType.TEXT_HTML)
    public ModelAndView<Map<String, Object>> staff(HttpRequest<?> request, @Nullable Authentication auth,
                                                   @PathVariable long operatorId, @Nullable @QueryValue String added) {
        Actor actor = actors.require(auth);
        Organisation operator = organisations.get(operatorId);
        StaffPolicy.requireCanGrant(actor, operator, Role.OPERATOR_TECHNICIAN);
        return new ModelAndView<>("staff", model(request, operator, new StaffForm("", "", null, Role.OPERATOR_TECHNICIAN),
                added, null));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> add(HttpRequest<?> request, @Nullable Authentication auth, @PathVariable long operatorId,
                               @Body StaffForm form) {
        Actor actor = actors.require(auth);
        Organisation operator = organisations.get(operatorId);
        Role role = form.role() == null ? Role.OPERATOR_TECHNICIAN : form.role();
        StaffPolicy.requireCanGrant(actor, operator, role);
        try {
            accounts.create(form.email(), form.displayName(), form.password(), operatorId, role, actor.personId());
            return HttpResponse.seeOther(URI.create("/operator/" + operatorId + "/staff?added=" + Accounts.normalise(form.email())));
        } catch (ApiException e) {
            return HttpResponse.status(e.status()).body(new ModelAndView<>("staff", model(request, operator,
                    new StaffForm(form.email(), form.displayName(), null, role), null, e.getMessage())));
        }
    }

    private Map<String, Object> model(HttpRequest<?> request, Organisation operator, StaffForm form, String added,
                                      String error) {
        Map<String, Object> model = pages.model(request, pages.text(request).get("staff.title"), "operator");
        model.put("operator", operator);
        model.put("people", accounts.members(operator.id()));
        model.put("roles", OPERATOR_ROLES);
        model.put("form", form);
        model.put("added", added);
        model.put("error", error);
        return model;
    }
}
