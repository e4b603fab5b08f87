package cn.dayi.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The real services a test JVM talks to, started once per JVM and shared by its test classes.
 *
 * <ul>
 *   <li>Database: a fresh schema {@code dayi_test_<random>} on the MariaDB/MySQL server at
 *       {@code DAYI_TEST_DB_HOST:DAYI_TEST_DB_PORT} (default 127.0.0.1:3306, user root, empty
 *       password — override with {@code DAYI_TEST_DB_USER}/{@code DAYI_TEST_DB_PASSWORD}) when it
 *       answers, else embedded MariaDB. The schema is dropped at JVM exit.</li>
 *   <li>Elasticsearch: {@code ELASTICSEARCH_URL} when set, else one local node
 *       ({@link LocalElasticsearch}). Each JVM uses its own index prefix.</li>
 * </ul>
 */
public final class TestServices {

    private static Database database;
    private static String elasticsearchUrl;
    private static final String RUN_ID = Long.toString(System.currentTimeMillis() % 100_000_000L, 36)
            + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);

    private TestServices() {
    }

    /** A fresh schema for this JVM. */
    public record Database(String url, String user, String password, String schema) {
    }

    /** Short unique id of this test JVM, e.g. for index names. */
    public static String runId() {
        return RUN_ID;
    }

    public static synchronized Database database() {
        if (database == null) {
            database = createDatabase();
        }
        return database;
    }

    public static synchronized String elasticsearchUrl() {
        if (elasticsearchUrl == null) {
            String configured = System.getenv("ELASTICSEARCH_URL");
            elasticsearchUrl = configured != null && !configured.isBlank()
                    ? configured
                    : LocalElasticsearch.start(env("DAYI_TEST_ES_HEAP", "768m")).url();
        }
        return elasticsearchUrl;
    }

    /** Micronaut properties that point an application context at this JVM's shared schema. */
    public static Map<String, String> micronautProperties() {
        return properties(database(), "dayi-test-" + RUN_ID);
    }

    /**
     * Micronaut properties with a schema and an index prefix of their own, for a test class that
     * must not see other classes' rows (both are dropped at JVM exit / left to the test node).
     */
    public static Map<String, String> isolatedMicronautProperties() {
        int n = SEQUENCE.incrementAndGet();
        return properties(createDatabase("_" + n), "dayi-test-" + RUN_ID + "-" + n);
    }

    private static Map<String, String> properties(Database db, String indexPrefix) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("datasources.default.url", db.url());
        p.put("datasources.default.username", db.user());
        p.put("datasources.default.password", db.password());
        p.put("elasticsearch.url", elasticsearchUrl());
        p.put("dayi.search.index-prefix", indexPrefix.toLowerCase(Locale.ROOT));
        return p;
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE = new java.util.concurrent.atomic.AtomicInteger();
    private static LocalMariaDb embedded;

    private static Database createDatabase() {
        return createDatabase("");
    }

    private static synchronized Database createDatabase(String suffix) {
        String host = env("DAYI_TEST_DB_HOST", "127.0.0.1");
        String port = env("DAYI_TEST_DB_PORT", "3306");
        String user = env("DAYI_TEST_DB_USER", "root");
        String password = env("DAYI_TEST_DB_PASSWORD", "");
        String schema = "dayi_test_" + RUN_ID.toLowerCase(Locale.ROOT) + suffix;
        String params = "?useUnicode=true&characterEncoding=UTF-8&rewriteBatchedStatements=true";
        String serverUrl = "jdbc:mysql://" + host + ":" + port + "/" + params;
        try (Connection c = DriverManager.getConnection(serverUrl + "&connectTimeout=2000", user, password);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + schema + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(serverUrl, user, password, schema)));
            return new Database("jdbc:mysql://" + host + ":" + port + "/" + schema + params, user, password, schema);
        } catch (SQLException e) {
            if (embedded == null) {
                embedded = LocalMariaDb.start(schema);
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            } else {
                embedded.createSchema(schema);
            }
            return new Database(embedded.jdbcUrl(schema), "root", "", schema);
        }
    }

    private static void dropQuietly(String serverUrl, String user, String password, String schema) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + schema);
        } catch (SQLException ignored) {
            // the server went away first; nothing to clean
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
