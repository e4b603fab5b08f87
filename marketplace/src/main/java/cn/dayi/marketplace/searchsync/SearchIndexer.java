package cn.dayi.marketplace.searchsync;

import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.InstrumentIndex;
import cn.dayi.search.api.SearchUnavailableException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the search outbox into Elasticsearch: after every import batch commits
 * ({@link #requestDrain()}), and every 5 seconds as a safety net. A drained outbox row is deleted
 * only after Elasticsearch acknowledged its document; when Elasticsearch is down the rows stay,
 * their attempt count and last error are recorded, and the next run retries. Idempotent: indexing
 * a document twice leaves the same document.
 */
@Singleton
public class SearchIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 1_000;

    private final DataSource dataSource;
    private final InstrumentIndex index;
    private final InstrumentDocuments documents;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-outbox-drain");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();

    public SearchIndexer(DataSource dataSource, InstrumentIndex index, InstrumentDocuments documents) {
        this.dataSource = cn.dayi.marketplace.db.PlainDataSource.of(dataSource);
        this.index = index;
        this.documents = documents;
    }

    /** Outcome of one drain: documents indexed and deleted, and what is still waiting. */
    public record DrainResult(int indexed, int deleted, long backlog, String error) {
    }

    /** Asks for a drain in the background; coalesces requests that arrive while one is queued. */
    public void requestDrain() {
        if (pending.compareAndSet(false, true)) {
            worker.submit(() -> {
                pending.set(false);
                try {
                    drain(false);
                } catch (RuntimeException e) {
                    LOG.warn("search outbox drain failed: {}", e.getMessage());
                }
            });
        }
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void periodic() {
        requestDrain();
    }

    /**
     * Drains until the outbox is empty or Elasticsearch fails, then makes what it wrote searchable;
     * safe to call from any thread.
     */
    public DrainResult drainNow() {
        return drain(true);
    }

    /**
     * Background drains leave visibility to the index refresh interval (about a second): a refresh
     * after every small batch would cut the index into many tiny segments during a bulk import.
     */
    private synchronized DrainResult drain(boolean refresh) {
        int indexed = 0;
        int deleted = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            while (true) {
                List<long[]> rows = next(c);
                if (rows.isEmpty()) {
                    if (refresh) {
                        // Always refresh, even when this drain found nothing: a background drain
                        // that held the lock before us may have indexed the rows without a
                        // refresh, and the caller expects them searchable when this returns.
                        refreshQuietly();
                    }
                    return new DrainResult(indexed, deleted, 0, null);
                }
                Set<Long> ids = new LinkedHashSet<>();
                rows.forEach(r -> ids.add(r[1]));
                List<InstrumentDocument> docs = documents.load(c, ids);
                Set<Long> missing = new HashSet<>(ids);
                docs.forEach(d -> missing.remove(d.id()));
                try {
                    if (!docs.isEmpty()) {
                        index.index(docs, false);
                    }
                    if (!missing.isEmpty()) {
                        index.delete(missing);
                    }
                } catch (SearchUnavailableException e) {
                    markFailed(c, rows, e.getMessage());
                    return new DrainResult(indexed, deleted, backlog(c), e.getMessage());
                }
                indexed += docs.size();
                deleted += missing.size();
                remove(c, rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the search outbox: " + e.getMessage(), e);
        }
    }

    private void refreshQuietly() {
        try {
            index.refresh();
        } catch (SearchUnavailableException e) {
            LOG.warn("search index not refreshed: {}", e.getMessage());
        }
    }

    /** Rows waiting in the outbox. */
    public long backlog() {
        try (Connection c = dataSource.getConnection()) {
            return backlog(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long backlog(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM search_outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<long[]> next(Connection c) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, instrument_id FROM search_outbox ORDER BY id LIMIT " + BATCH);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return rows;
    }

    private static void remove(Connection c, List<long[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM search_outbox WHERE id IN ("
                + String.join(",", java.util.Collections.nCopies(rows.size(), "?")) + ")")) {
            int i = 1;
            for (long[] r : rows) {
                ps.setLong(i++, r[0]);
            }
            ps.executeUpdate();
        }
    }

    private static void markFailed(Connection c, List<long[]> rows, String error) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE search_outbox SET attempts = attempts + 1, last_error = ? WHERE id BETWEEN ? AND ?")) {
            ps.setString(1, error == null ? "unknown" : error.substring(0, Math.min(500, error.length())));
            ps.setLong(2, rows.get(0)[0]);
            ps.setLong(3, rows.get(rows.size() - 1)[0]);
            ps.executeUpdate();
        }
        LOG.warn("Search index not updated ({} changes wait in the outbox): {}", rows.size(), error);
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
