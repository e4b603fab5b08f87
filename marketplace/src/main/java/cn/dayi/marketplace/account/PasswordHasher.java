package cn.dayi.marketplace.account;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes in PHC string format (Spring Security's encoder over Bouncy Castle, with
 * its 2023 defaults: 16-byte salt, 32-byte hash, 19 MiB memory, 2 iterations, parallelism 1 — the
 * OWASP minimum). Hashing takes tens of milliseconds on purpose.
 */
@Singleton
public class PasswordHasher {

    /** Shortest password accepted, in characters (NIST SP 800-63B asks for at least 8). */
    public static final int MIN_LENGTH = 10;

    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return password != null && hash != null && encoder.matches(password, hash);
    }
}
