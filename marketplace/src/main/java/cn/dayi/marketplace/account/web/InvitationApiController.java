package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.Invitations;
import cn.dayi.marketplace.account.Invitations.Accepted;
import cn.dayi.marketplace.account.Invitations.Invitation;
import cn.dayi.marketplace.account.Invitations.Pending;
import cn.dayi.marketplace.account.Role;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * Member invitations (rules and error codes on {@link Invitations}).
 * <ul>
 *   <li>{@code POST /api/v1/organisations/{orgId}/invitations} {@code {email, role?}} (a BUYER_MEMBER for
 *       BUYER_MEMBER, which is the default role; owner admins, operator managers and platform admins for
 *       the roles they grant) → 201 {@link Invitation} {@code {id, organisationId, email, role, status,
 *       createdAt, expiresAt}}; the invitee gets a mail with a one-time link valid 7 days</li>
 *   <li>{@code GET /api/v1/organisations/{orgId}/invitations} (the same people) → the invitations, newest first</li>
 *   <li>{@code GET /api/v1/invitations/{token}} (anyone holding the token) → {@link Pending}; 404
 *       {@code INVITATION_NOT_FOUND}, 410 {@code INVITATION_USED}, {@code INVITATION_EXPIRED}</li>
 *   <li>{@code POST /api/v1/invitations/{token}/accept} {@code {displayName, password}} (anyone holding the
 *       token) → 201 {@link Accepted}; the token is used up</li>
 * </ul>
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
public class InvitationApiController {

    private final Invitations invitations;
    private final ActorResolver actors;

    public InvitationApiController(Invitations invitations, ActorResolver actors) {
        this.invitations = invitations;
        this.actors = actors;
    }

    /** Whom to invite; {@code role} defaults to BUYER_MEMBER. */
    @Serdeable
    public record NewInvitation(@Nullable String email, @Nullable Role role) {
    }

    /** The invitee's name (new accounts) and password (new, or that of the existing account). */
    @Serdeable
    public record Acceptance(@Nullable String displayName, @Nullable String password) {
    }

    @Post("/organisations/{orgId}/invitations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public HttpResponse<Invitation> invite(@Nullable Authentication auth, @PathVariable long orgId,
                                           @Nullable @Body NewInvitation body) {
        NewInvitation b = body == null ? new NewInvitation(null, null) : body;
        return HttpResponse.created(invitations.invite(actors.require(auth), orgId, b.email(), b.role()));
    }

    @Get("/organisations/{orgId}/invitations")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public List<Invitation> list(@Nullable Authentication auth, @PathVariable long orgId) {
        return invitations.of(actors.require(auth), orgId);
    }

    @Get("/invitations/{token}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public Pending pending(@PathVariable String token) {
        return invitations.pending(token);
    }

    @Post("/invitations/{token}/accept")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public HttpResponse<Accepted> accept(@PathVariable String token, @Nullable @Body Acceptance body) {
        Acceptance b = body == null ? new Acceptance(null, null) : body;
        return HttpResponse.created(invitations.accept(token, b.displayName(), b.password()));
    }
}
