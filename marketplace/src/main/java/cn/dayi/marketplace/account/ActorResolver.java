package cn.dayi.marketplace.account;

import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Turns the request's {@link Authentication} (from the bearer token or the session cookie) into an {@link Actor}. */
@Singleton
public class ActorResolver {

    private final Accounts accounts;

    public ActorResolver(Accounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in actor, or empty for anonymous requests and deactivated accounts. */
    public Optional<Actor> find(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        try {
            return accounts.actor(Long.parseLong(authentication.getName()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The signed-in actor; 401 {@code UNAUTHORIZED} otherwise. */
    public Actor require(@Nullable Authentication authentication) {
        return find(authentication).orElseThrow(() -> new ApiException.Unauthorized("UNAUTHORIZED",
                "Please sign in: this needs an account."));
    }
}
