package cn.dayi.app.health;

import cn.dayi.marketplace.searchsync.SearchIndexer;
import cn.dayi.search.api.SearchHealth;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds Elasticsearch to {@code GET /health} (which already covers the database through the JDBC
 * indicator): UP when the cluster answers green or yellow, DOWN otherwise — then /health answers
 * 503. Details show how many catalogue changes wait in the search outbox.
 */
@Singleton
@Readiness
public class SearchHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final SearchHealth search;
    private final SearchIndexer indexer;

    public SearchHealthIndicator(SearchHealth search, SearchIndexer indexer) {
        this.search = search;
        this.indexer = indexer;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean up = search.available();
        healthStatus = up ? HealthStatus.UP : HealthStatus.DOWN;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("elasticsearch", up ? "answering" : "not answering");
        try {
            details.put("outboxBacklog", indexer.backlog());
        } catch (RuntimeException e) {
            details.put("outboxBacklog", "unknown");
        }
        return details;
    }

    @Override
    protected String getName() {
        return "search";
    }
}
