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

    /**
     * The signed-in actor, or empty for anonymous requests, deactivated accounts and tokens issued before the
     * person's last password change.
     */
    public Optional<Actor> find(@Nullable Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        try {
            Object cv = authentication.getAttributes().get(Tokens.CREDENTIALS_VERSION_CLAIM);
            int version = cv instanceof Number n ? n.intValue() : 0;
            return accounts.actor(Long.parseLong(authentication.getName()), version);
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
