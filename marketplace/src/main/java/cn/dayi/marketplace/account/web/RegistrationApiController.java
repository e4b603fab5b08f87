package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Registrations;
import cn.dayi.marketplace.account.Registrations.Registered;
import cn.dayi.marketplace.account.Registrations.Registration;
import cn.dayi.marketplace.account.Registrations.Verification;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * <ul>
 *   <li>{@code POST /api/v1/registrations} (anyone) {@code {organisationName, creditCode, regionCode?, email,
 *       displayName, password}} → 201 {@code {organisationId, personId, verification: "PENDING"}}; errors in
 *       {@link Registrations}</li>
 *   <li>{@code POST /api/v1/admin/organisations/{id}/verification} (platform admin)
 *       {@code {"approve": true}} or {@code {"approve": false, "reason": "…"}} → the organisation's
 *       verification</li>
 * </ul>
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
public class RegistrationApiController {

    private final Registrations registrations;
    private final ActorResolver actors;

    public RegistrationApiController(Registrations registrations, ActorResolver actors) {
        this.registrations = registrations;
        this.actors = actors;
    }

    /** An admin's decision. */
    @Serdeable
    public record Decision(boolean approve, @Nullable String reason) {
    }

    @Post("/registrations")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<Registered> register(@Body Registration body) {
        return HttpResponse.created(registrations.register(body));
    }

    @Post("/admin/organisations/{id}/verification")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Verification decide(@Nullable Authentication auth, @PathVariable long id, @Body Decision body) {
        return registrations.decide(actors.require(auth), id, body.approve(), body.reason());
    }
}
