package cn.dayi.marketplace.account;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Issues signed JWTs (HS256, secret {@code DAYI_JWT_SECRET}) for a signed-in {@link Actor}: the
 * subject is the person id; roles are informative only — every request re-reads the person's
 * memberships ({@link ActorResolver}), so a revoked role or a deactivated account stops working
 * before the token expires ({@code dayi.accounts.token-lifetime}, default 8 hours), and a password change
 * ends every token issued before it (claim {@value #CREDENTIALS_VERSION_CLAIM}).
 */
@Singleton
public class Tokens {

    /** Claim holding the person's credentials version at issue; see {@link ActorResolver}. */
    public static final String CREDENTIALS_VERSION_CLAIM = "cv";

    private final TokenGenerator generator;
    private final Accounts accounts;
    private final int lifetimeSeconds;

    public Tokens(TokenGenerator generator, Accounts accounts,
                  @Value("${dayi.accounts.token-lifetime:8h}") java.time.Duration lifetime) {
        this.generator = generator;
        this.accounts = accounts;
        this.lifetimeSeconds = (int) lifetime.toSeconds();
    }

    /** A bearer token for {@code actor}. */
    public String issue(Actor actor) {
        List<String> roles = actor.memberships().stream().map(m -> m.role().name()).distinct().toList();
        Authentication auth = Authentication.build(Long.toString(actor.personId()), roles,
                Map.of("email", actor.email(), "name", actor.displayName(),
                        CREDENTIALS_VERSION_CLAIM, accounts.credentialsVersion(actor.personId())));
        return generator.generateToken(auth, lifetimeSeconds)
                .orElseThrow(() -> new IllegalStateException("no token generator configured (DAYI_JWT_SECRET)"));
    }

    public int lifetimeSeconds() {
        return lifetimeSeconds;
    }
}
