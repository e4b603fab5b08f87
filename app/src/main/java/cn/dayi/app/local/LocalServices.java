package cn.dayi.app.local;

import cn.dayi.local.LocalElasticsearch;
import cn.dayi.local.LocalMariaDb;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where the database and Elasticsearch are: {@code DATABASE_URL} (+ {@code DATABASE_USER},
 * {@code DATABASE_PASSWORD}) and {@code ELASTICSEARCH_URL} when set; otherwise starts embedded
 * MariaDB (data kept in the cache folder) and a local Elasticsearch node, in parallel. Both are
 * stopped by a JVM shutdown hook (Ctrl-C).
 */
public final class LocalServices {

    private static final Logger LOG = LoggerFactory.getLogger(LocalServices.class);

    private LocalServices() {
    }

    /** Micronaut properties for the services to use; starts local ones as needed. */
    public static Map<String, Object> resolve() {
        Map<String, Object> p = new LinkedHashMap<>();
        String dbUrl = env("DATABASE_URL");
        String esUrl = env("ELASTICSEARCH_URL");
        CompletableFuture<String> es = esUrl != null
                ? CompletableFuture.completedFuture(esUrl)
                : CompletableFuture.supplyAsync(() -> {
                    LocalElasticsearch node = LocalElasticsearch.start(envOr("DAYI_ES_HEAP", "1g"));
                    return node.url();
                });
        if (dbUrl != null) {
            p.put("datasources.default.url", jdbc(dbUrl));
            p.put("datasources.default.username", envOr("DATABASE_USER", "root"));
            p.put("datasources.default.password", envOr("DATABASE_PASSWORD", ""));
        } else {
            LOG.info("DATABASE_URL not set: starting embedded MariaDB");
            LocalMariaDb db = LocalMariaDb.start("dayi");
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "stop-embedded-mariadb"));
            p.put("datasources.default.url", db.jdbcUrl("dayi"));
            p.put("datasources.default.username", "root");
            p.put("datasources.default.password", "");
        }
        if (esUrl == null) {
            LOG.info("ELASTICSEARCH_URL not set: starting a local Elasticsearch node");
        }
        p.put("elasticsearch.url", es.join());
        p.put(JWT_SECRET_PROPERTY, jwtSecret());
        if (env("DAYI_ADMIN_EMAIL") == null) {
            // a newcomer can sign in at once: on an empty database the first admin is admin@dayi.local
            // with a random password that the log shows once (FirstAdmin)
            p.put("dayi.accounts.first-admin.email", "admin@dayi.local");
            p.put("dayi.accounts.first-admin.password", randomSecret(12));
            p.put("dayi.accounts.first-admin.announce", true);
        }
        return p;
    }

    static final String JWT_SECRET_PROPERTY = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    /**
     * {@code DAYI_JWT_SECRET} (at least 32 characters; the same on every app node), or a random
     * secret for this start only: sign-ins then do not survive a restart, which is fine for a local run.
     */
    static String jwtSecret() {
        String configured = env("DAYI_JWT_SECRET");
        if (configured != null) {
            if (configured.length() < 32) {
                throw new IllegalStateException("DAYI_JWT_SECRET must be at least 32 characters (256 bits for HS256).");
            }
            return configured;
        }
        LOG.warn("DAYI_JWT_SECRET not set: using a random token secret for this start; sign-ins end when the platform "
                + "stops. Set DAYI_JWT_SECRET (32+ characters, the same on every node) in production.");
        return randomSecret(48);
    }

    private static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /**
     * Accepts {@code jdbc:mysql://…}, {@code mysql://…} and {@code mariadb://…} forms, and turns on
     * the driver's batch rewriting (one multi-row INSERT per batch instead of one round trip per
     * row: 2× import speed) unless the URL says otherwise.
     */
    static String jdbc(String url) {
        String jdbc = url;
        if (url.startsWith("mysql://") || url.startsWith("mariadb://")) {
            jdbc = "jdbc:mysql://" + url.substring(url.indexOf("://") + 3);
        }
        if (jdbc.startsWith("jdbc:mysql:") && !jdbc.contains("rewriteBatchedStatements")) {
            jdbc += (jdbc.contains("?") ? "&" : "?") + "rewriteBatchedStatements=true";
        }
        return jdbc;
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static String envOr(String name, String fallback) {
        String v = env(name);
        return v == null ? fallback : v;
    }
}
