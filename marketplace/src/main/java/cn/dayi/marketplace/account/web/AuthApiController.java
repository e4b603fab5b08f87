package cn.dayi.marketplace.account.web;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.account.SignIn;
import cn.dayi.marketplace.account.Tokens;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Bearer tokens for API clients.
 * <ul>
 *   <li>{@code POST /api/v1/auth/token} {@code {"email", "password"}} → 200
 *       {@code {"accessToken", "tokenType": "Bearer", "expiresInSeconds", "person": Actor}};
 *       401 {@code BAD_CREDENTIALS}; 429 {@code SIGN_IN_THROTTLED} with Retry-After.</li>
 *   <li>{@code GET /api/v1/me} → the signed-in person and every role in every organisation; 401 otherwise.</li>
 *   <li>{@code POST /api/v1/me/password} — change my password.</li>
 * </ul>
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
public class AuthApiController {

    private final SignIn signIn;
    private final Tokens tokens;
    private final ActorResolver actors;
    private final Accounts accounts;

    public AuthApiController(SignIn signIn, Tokens tokens, ActorResolver actors, Accounts accounts) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.actors = actors;
        this.accounts = accounts;
    }

    /** Credentials. */
    @Serdeable
    public record Credentials(@Nullable String email, @Nullable String password) {
    }

    /** A bearer token; send it as {@code Authorization: Bearer <accessToken>}. */
    @Serdeable
    public record TokenResponse(String accessToken, String tokenType, int expiresInSeconds, Actor person) {
    }

    @Post("/auth/token")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "Sign in and get a bearer token (8 h)")
    public TokenResponse token(HttpRequest<?> request, @Body Credentials credentials) {
        Actor actor = signIn.signIn(credentials.email(), credentials.password(), ClientAddress.of(request));
        return new TokenResponse(tokens.issue(actor), "Bearer", tokens.lifetimeSeconds(), actor);
    }

    /** A password change. */
    @Serdeable
    public record PasswordChange(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    /**
     * {@code POST /api/v1/me/password} {@code {currentPassword, newPassword}} → 204; 400
     * {@code CURRENT_PASSWORD_WRONG} or {@code PASSWORD_TOO_SHORT}. Every token and session issued before
     * ends at once, this one included: sign in again with the new password.
     */
    @Post("/me/password")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Change my password")
    public HttpResponse<Void> changePassword(@Nullable Authentication authentication, @Body PasswordChange body) {
        Actor actor = actors.require(authentication);
        accounts.changePassword(actor.personId(), body.currentPassword(), body.newPassword());
        return HttpResponse.noContent();
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "The signed-in person and their roles")
    public Actor me(@Nullable Authentication authentication) {
        return actors.require(authentication);
    }
}
