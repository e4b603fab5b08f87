package cn.dayi.local;

import java.nio.file.Path;

/**
 * Where local services keep their files. {@code DAYI_CACHE_DIR} overrides; otherwise
 * {@code /var/cache/dayi} when running as root (a folder an unprivileged service user can be
 * given access to, unlike {@code /root}) and {@code ~/.cache/dayi} for everyone else.
 */
public final class LocalPaths {

    private LocalPaths() {
    }

    /** The cache root; created by whoever writes into it. */
    public static Path cacheRoot() {
        String configured = System.getenv("DAYI_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        if (isRoot()) {
            return Path.of("/var/cache/dayi");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "dayi");
    }

    /** True when this JVM runs as uid 0. */
    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
