package cn.dayi.marketplace.account;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Checks an e-mail and password and answers the {@link Actor}, with throttling kept in the
 * database (so it holds across app nodes): after {@code dayi.accounts.max-failures-per-email}
 * (default 5) failed attempts for one e-mail, or {@code max-failures-per-client} (default 30) from
 * one client address, within {@code failure-window} (default 15 minutes), further attempts answer
 * 429 {@code SIGN_IN_THROTTLED} with a Retry-After until the oldest counted failure leaves the
 * window. Wrong e-mail and wrong password answer the same 401 {@code BAD_CREDENTIALS}, so the
 * answer does not reveal which accounts exist. A successful sign-in clears the e-mail's failures.
 */
@Singleton
public class SignIn {

    private final Jdbc jdbc;
    private final PasswordHasher hasher;
    private final Accounts accounts;
    private final Clock clock;
    private final int maxPerEmail;
    private final int maxPerClient;
    private final Duration window;
    /** Verified against when the e-mail is unknown, so both paths take as long. */
    private final String decoyHash;

    public SignIn(Jdbc jdbc, PasswordHasher hasher, Accounts accounts, Clock clock,
                  @Value("${dayi.accounts.max-failures-per-email:5}") int maxPerEmail,
                  @Value("${dayi.accounts.max-failures-per-client:30}") int maxPerClient,
                  @Value("${dayi.accounts.failure-window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.accounts = accounts;
        this.clock = clock;
        this.maxPerEmail = maxPerEmail;
        this.maxPerClient = maxPerClient;
        this.window = window;
        this.decoyHash = hasher.hash("decoy-password-never-used");
    }

    /**
     * @param client the client's address (for the per-client limit)
     * @throws ApiException.TooManyRequests {@code SIGN_IN_THROTTLED}
     * @throws ApiException.Unauthorized    {@code BAD_CREDENTIALS}
     */
    public Actor signIn(String email, String password, String client) {
        String normalised = Accounts.normalise(email);
        String from = client == null ? "unknown" : client;
        Instant now = clock.instant();
        throttle(normalised, from, now);
        Optional<AccountStore.PersonRow> person = jdbc.read(c -> AccountStore.byEmail(c, normalised));
        boolean ok;
        if (person.isPresent()) {
            ok = hasher.matches(password, person.get().passwordHash()) && person.get().active();
        } else {
            hasher.matches(password, decoyHash); // same work as for a real account
            ok = false;
        }
        if (!ok) {
            jdbc.write(c -> {
                Jdbc.update(c, "INSERT INTO sign_in_failure (email, client, failed_at) VALUES (?, ?, ?)",
                        normalised.length() > 254 ? normalised.substring(0, 254) : normalised, from, now);
                return Jdbc.update(c, "DELETE FROM sign_in_failure WHERE failed_at < ?", now.minus(Duration.ofDays(1)));
            });
            throw new ApiException.Unauthorized("BAD_CREDENTIALS", "The e-mail or the password is wrong.");
        }
        jdbc.write(c -> Jdbc.update(c, "DELETE FROM sign_in_failure WHERE email = ?", normalised));
        return accounts.actor(person.get().id()).orElseThrow();
    }

    private void throttle(String email, String client, Instant now) {
        Instant since = now.minus(window);
        Optional<Instant> emailBlockedUntil = blockedUntil("email", email, since, maxPerEmail);
        Optional<Instant> clientBlockedUntil = blockedUntil("client", client, since, maxPerClient);
        Optional<Instant> until = emailBlockedUntil.isPresent() ? emailBlockedUntil : clientBlockedUntil;
        if (until.isPresent()) {
            long seconds = Math.max(1, Duration.between(now, until.get()).toSeconds() + 1);
            throw new ApiException.TooManyRequests("SIGN_IN_THROTTLED",
                    "Too many failed sign-in attempts. Please wait " + minutes(seconds) + " and try again.", seconds);
        }
    }

    /** When the {@code max}-th most recent failure leaves the window, if there are that many. */
    private Optional<Instant> blockedUntil(String column, String value, Instant since, int max) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT failed_at FROM sign_in_failure WHERE " + column
                        + " = ? AND failed_at >= ? ORDER BY failed_at DESC LIMIT 1 OFFSET " + (max - 1),
                rs -> Jdbc.instant(rs, "failed_at"), value, since)).map(t -> t.plus(window));
    }

    private static String minutes(long seconds) {
        return seconds < 60 ? seconds + " seconds" : ((seconds + 59) / 60) + " minutes";
    }
}
