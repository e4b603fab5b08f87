package cn.dayi.marketplace.searchsync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * The buyers' rating a search document lists for an instrument. Implemented by the booking feature
 * (reviews), so that search sync depends on no feature that writes to the search outbox.
 */
public interface InstrumentRatings {

    /** Average stars (1.0–5.0) over {@code count} reviews. */
    record Rating(double average, int count) {
    }

    /** Ratings of those of {@code instrumentIds} that have reviews, on the caller's connection. */
    Map<Long, Rating> of(Connection c, Collection<Long> instrumentIds) throws SQLException;
}
