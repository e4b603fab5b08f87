package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Accounts.Person;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Organisations;
import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.StaffPolicy;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
 * Organisations and people.
 * <ul>
 *   <li>{@code GET /api/v1/admin/organisations?q=&kind=} (platform admin) → {@code [Organisation]}, at most 200</li>
 *   <li>{@code POST /api/v1/admin/organisations} {@code {nameZh, nameEn?, kind, regionCode?}} (platform admin)
 *       → 201 Organisation; 400 {@code NAME_REQUIRED}, {@code KIND_REQUIRED}, {@code UNKNOWN_REGION}</li>
 *   <li>{@code GET /api/v1/admin/organisations/{id}/people} (platform admin, or a manager of that
 *       organisation: operator manager / owner admin) → {@code [Person]}</li>
 *   <li>{@code POST /api/v1/admin/people} {@code {email, displayName, password, organisationId, role}}
 *       → 201 Person; 409 {@code EMAIL_TAKEN}; 422 {@code ROLE_NOT_FOR_ORGANISATION_KIND}</li>
 *   <li>{@code POST /api/v1/admin/people/{id}/memberships} {@code {organisationId, role}} → Person</li>
 *   <li>{@code DELETE /api/v1/admin/people/{id}/memberships/{organisationId}/{role}} → Person</li>
 *   <li>{@code PUT /api/v1/admin/people/{id}/active} {@code {"active": false}} (platform admin) → Person; a
 *       deactivated person cannot sign in and their tokens stop working at once; 409
 *       {@code CANNOT_DEACTIVATE_SELF}</li>
 * </ul>
 * Who may grant what is {@link StaffPolicy}: platform admins anything; an operator manager the
 * operator roles of their own operator; an owner admin the owner-admin and buyer roles of their own
 * organisation. Everyone else gets 403 {@code FORBIDDEN}.
 */
@Controller("/api/v1/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Administration")
public class AdminApiController {

    private final ActorResolver actors;
    private final Organisations organisations;
    private final Accounts accounts;

    public AdminApiController(ActorResolver actors, Organisations organisations, Accounts accounts) {
        this.actors = actors;
        this.organisations = organisations;
        this.accounts = accounts;
    }

    /** A new organisation. */
    @Serdeable
    public record NewOrganisation(@Nullable String nameZh, @Nullable String nameEn, @Nullable OrganisationKind kind,
                                  @Nullable String regionCode) {
    }

    /** A new person with a first role. */
    @Serdeable
    public record NewPerson(@Nullable String email, @Nullable String displayName, @Nullable String password,
                            @Nullable Long organisationId, @Nullable Role role) {
    }

    /** A role in an organisation. */
    @Serdeable
    public record Grant(@Nullable Long organisationId, @Nullable Role role) {
    }

    @Get("/organisations")
    public List<Organisation> organisations(@Nullable Authentication auth, @Nullable @QueryValue String q,
                                            @Nullable @QueryValue OrganisationKind kind) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        return organisations.search(q, kind, 200);
    }

    @Post("/organisations")
    public HttpResponse<Organisation> createOrganisation(@Nullable Authentication auth, @Body NewOrganisation body) {
        actors.require(auth).requireRole(Role.PLATFORM_ADMIN);
        return HttpResponse.created(organisations.create(body.nameZh(), body.nameEn(), body.kind(), body.regionCode()));
    }

    @Get("/organisations/{id}/people")
    public List<Person> people(@Nullable Authentication auth, @PathVariable long id) {
        Actor actor = actors.require(auth);
        StaffPolicy.requireCanSeeStaff(actor, id);
        return accounts.members(id);
    }

    @Post("/people")
    public HttpResponse<Person> createPerson(@Nullable Authentication auth, @Body NewPerson body) {
        Actor actor = actors.require(auth);
        if (body.organisationId() == null || body.role() == null) {
            actor.requireRole(Role.PLATFORM_ADMIN); // only admins create people without a role
        } else {
            StaffPolicy.requireCanGrant(actor, organisations.get(body.organisationId()), body.role());
        }
        return HttpResponse.created(accounts.create(body.email(), body.displayName(), body.password(),
                body.organisationId(), body.role(), actor.personId()));
    }

    @Get("/people/{id}")
    public Person person(@Nullable Authentication auth, @PathVariable long id) {
        Actor actor = actors.require(auth);
        Person person = accounts.person(id);
        if (!actor.isPlatformAdmin() && person.memberships().stream()
                .noneMatch(m -> StaffPolicy.canSeeStaff(actor, m.organisationId()))) {
            throw new ApiException.Forbidden("FORBIDDEN", "You may only see people of your own organisation.");
        }
        return person;
    }

    @Post("/people/{id}/memberships")
    public Person grant(@Nullable Authentication auth, @PathVariable long id, @Body Grant body) {
        Actor actor = actors.require(auth);
        requireComplete(body);
        StaffPolicy.requireCanGrant(actor, organisations.get(body.organisationId()), body.role());
        return accounts.grant(id, body.organisationId(), body.role(), actor.personId());
    }

    @Delete("/people/{id}/memberships/{organisationId}/{role}")
    public Person revoke(@Nullable Authentication auth, @PathVariable long id, @PathVariable long organisationId,
                         @PathVariable Role role) {
        Actor actor = actors.require(auth);
        StaffPolicy.requireCanGrant(actor, organisations.get(organisationId), role);
        if (id == actor.personId() && role == Role.PLATFORM_ADMIN) {
            throw new ApiException.RuleViolation(io.micronaut.http.HttpStatus.CONFLICT, "CANNOT_REVOKE_OWN_ADMIN",
                    "You cannot take away your own platform admin role; ask another admin.");
        }
        return accounts.revoke(id, organisationId, role);
    }

    /** Active or not. */
    @Serdeable
    public record Activation(boolean active) {
    }

    @io.micronaut.http.annotation.Put("/people/{id}/active")
    public Person setActive(@Nullable Authentication auth, @PathVariable long id, @Body Activation body) {
        Actor actor = actors.require(auth);
        actor.requireRole(Role.PLATFORM_ADMIN);
        if (id == actor.personId() && !body.active()) {
            throw new ApiException.RuleViolation(io.micronaut.http.HttpStatus.CONFLICT, "CANNOT_DEACTIVATE_SELF",
                    "You cannot deactivate your own account; ask another admin.");
        }
        return accounts.setActive(id, body.active());
    }

    private static void requireComplete(Grant body) {
        if (body.organisationId() == null || body.role() == null) {
            throw new ApiException.ValidationFailed(body.role() == null ? "role" : "organisationId", "ROLE_INCOMPLETE",
                    "A role needs both an organisation and a role.");
        }
    }
}
