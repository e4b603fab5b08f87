package cn.dayi.marketplace.searchsync;

import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.InstrumentIndex;
import cn.dayi.search.api.InstrumentIndex.RebuildResult;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * The repair path: rebuilds the whole index from the database into a new versioned index and
 * swaps the alias (searches keep answering from the old index meanwhile). Instruments changed
 * while the rebuild ran are queued again afterwards, so nothing written during it is lost.
 */
@Singleton
public class SearchReindexer {

    private static final int PAGE = 2_000;
    private final DataSource dataSource;
    private final InstrumentIndex index;
    private final InstrumentDocuments documents;
    private final SearchIndexer indexer;

    public SearchReindexer(DataSource dataSource, InstrumentIndex index, InstrumentDocuments documents,
                           SearchIndexer indexer) {
        this.dataSource = cn.dayi.marketplace.db.PlainDataSource.of(dataSource);
        this.index = index;
        this.documents = documents;
        this.indexer = indexer;
    }

    /** Full rebuild; {@code progress} receives the running document count. */
    public RebuildResult rebuild(LongConsumer progress) {
        Instant started = Instant.now().minusSeconds(1);
        RebuildResult result;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            result = index.rebuild(sink -> {
                long after = 0;
                long done = 0;
                while (true) {
                    List<InstrumentDocument> page;
                    try {
                        page = documents.page(c, after, PAGE);
                    } catch (SQLException e) {
                        throw new IllegalStateException("cannot read instruments: " + e.getMessage(), e);
                    }
                    if (page.isEmpty()) {
                        return;
                    }
                    sink.accept(page);
                    after = page.get(page.size() - 1).id();
                    done += page.size();
                    progress.accept(done);
                }
            });
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO search_outbox (instrument_id) SELECT id FROM instrument WHERE updated_at >= ?")) {
                ps.setTimestamp(1, Timestamp.from(started));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rebuild the search index: " + e.getMessage(), e);
        }
        indexer.drainNow();
        return result;
    }

    /**
     * Builds the index when its alias does not exist yet (a new installation or a new cluster) or
     * the index behind it was built with an older mapping (a release added fields, e.g. prices);
     * otherwise makes sure it refreshes normally.
     */
    public boolean rebuildIfMissing() {
        if (index.exists() && index.isCurrent()) {
            index.bulkLoading(false); // repairs an index left in bulk mode by a node that died mid-import
            return false;
        }
        rebuild(n -> { });
        return true;
    }
}
