package cn.dayi.marketplace.searchsync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;

/**
 * The price a search document lists for an instrument: what a commercial buyer pays from, today
 * (Asia/Shanghai), per unit. Implemented by the tariff feature, so that search sync depends on no
 * feature that itself writes to the search outbox (dependencies stay one-way: tariff → searchsync).
 */
public interface ListedPrices {

    /** A listed price: fen per {@code unit} (HOUR, SAMPLE, TEST_ITEM). */
    record Listed(long fromFen, String unit) {
    }

    /** Prices of those of {@code instrumentIds} that have one, on the caller's connection. */
    Map<Long, Listed> of(Connection c, Collection<Long> instrumentIds) throws SQLException;
}
