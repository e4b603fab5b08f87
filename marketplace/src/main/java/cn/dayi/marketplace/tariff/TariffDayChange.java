package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.searchsync.SearchIndexer;
import cn.dayi.marketplace.searchsync.SearchOutbox;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a day begins (Asia/Shanghai), versions published in advance take effect and the ones they
 * replace end, so the "price from" in the search index changes without any write: this job queues
 * the instruments whose tariffs start today or ended yesterday for re-indexing. It looks every
 * hour and acts once per new day per node (queuing twice is harmless: indexing is idempotent).
 * Moves to the Quartz scheduler with the other jobs when the ops module arrives.
 */
@Singleton
public class TariffDayChange {

    private static final Logger LOG = LoggerFactory.getLogger(TariffDayChange.class);

    private final Jdbc jdbc;
    private final PricesFrom pricesFrom;
    private final SearchOutbox outbox;
    private final SearchIndexer indexer;
    private final AtomicReference<LocalDate> done = new AtomicReference<>();

    TariffDayChange(Jdbc jdbc, PricesFrom pricesFrom, SearchOutbox outbox, SearchIndexer indexer) {
        this.jdbc = jdbc;
        this.pricesFrom = pricesFrom;
        this.outbox = outbox;
        this.indexer = indexer;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "2m")
    void run() {
        LocalDate today = pricesFrom.today();
        if (today.equals(done.get())) {
            return;
        }
        int n = jdbc.write(c -> {
            List<Long> ids = Jdbc.list(c, "SELECT DISTINCT instrument_id FROM tariff WHERE effective_from = ? "
                    + "OR effective_to = ?", rs -> rs.getLong(1), today, today.minusDays(1));
            outbox.enqueue(c, ids);
            return ids.size();
        });
        done.set(today);
        if (n > 0) {
            LOG.info("Tariffs changed on {}: {} instruments queued for re-indexing", today, n);
            indexer.requestDrain();
        }
    }
}
