package cn.dayi.marketplace.searchsync;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Writes to the transactional outbox ({@code search_outbox}). Call it with the connection of the
 * transaction that changed the instruments: the outbox rows commit or roll back with the change,
 * so every committed change is eventually indexed ({@link SearchIndexer} drains the table).
 */
@Singleton
public class SearchOutbox {

    /** Queue instruments for (re)indexing. */
    public void enqueue(Connection c, Collection<Long> instrumentIds) throws SQLException {
        if (instrumentIds.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_outbox (instrument_id) VALUES (?)")) {
            for (Long id : instrumentIds) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Queue every instrument of an organisation (its name or kind changed). */
    public void enqueueOwner(Connection c, long organisationId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO search_outbox (instrument_id) SELECT id FROM instrument WHERE owner_id = ?")) {
            ps.setLong(1, organisationId);
            ps.executeUpdate();
        }
    }
}
