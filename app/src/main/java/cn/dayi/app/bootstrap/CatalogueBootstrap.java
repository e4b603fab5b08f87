package cn.dayi.app.bootstrap;

import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.importing.CatalogueImporter;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportProgress;
import cn.dayi.marketplace.importing.ImportReport;
import cn.dayi.marketplace.searchsync.SearchReindexer;
import cn.dayi.search.api.SearchUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the server accepts requests: on an empty catalogue, loads the demo catalogue (9,000
 * instruments) and the St Andrews uniquip file so a newcomer sees real data at once
 * ({@code dayi.catalogue.seed-on-empty}, default true); then builds the search index when it is
 * missing (a new Elasticsearch node) so search and database agree.
 */
@Singleton
@Requires(property = "dayi.catalogue.bootstrap", notEquals = "false")
public class CatalogueBootstrap implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueBootstrap.class);

    private final CatalogueReader reader;
    private final CatalogueImporter importer;
    private final SearchReindexer reindexer;
    private final boolean seedOnEmpty;
    private final int demoCount;
    private final String stAndrewsFile;

    public CatalogueBootstrap(CatalogueReader reader, CatalogueImporter importer, SearchReindexer reindexer,
                              @Value("${dayi.catalogue.seed-on-empty:true}") boolean seedOnEmpty,
                              @Value("${dayi.catalogue.demo-count:9000}") int demoCount,
                              @Value("${dayi.catalogue.st-andrews-file:../shared/data/uniquip/st-andrews-equipment.csv}")
                              String stAndrewsFile) {
        this.reader = reader;
        this.importer = importer;
        this.reindexer = reindexer;
        this.seedOnEmpty = seedOnEmpty;
        this.demoCount = demoCount;
        this.stAndrewsFile = stAndrewsFile;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        try {
            if (seedOnEmpty && reader.count() == 0) {
                seed();
            }
            if (reindexer.rebuildIfMissing()) {
                LOG.info("Search index was missing: rebuilt from the database");
            }
        } catch (SearchUnavailableException e) {
            LOG.warn("Search is unavailable at start-up ({}); changes wait in the outbox and are indexed when it is back",
                    e.getMessage());
        } catch (Exception e) {
            LOG.error("Catalogue bootstrap failed: {}", e.getMessage(), e);
        }
    }

    private void seed() throws Exception {
        LOG.info("Empty catalogue: loading the demo catalogue ({} instruments) …", demoCount);
        java.util.concurrent.atomic.AtomicLong logged = new java.util.concurrent.atomic.AtomicLong();
        ImportProgress log = (rows, max) -> {
            // the importer may report the same count twice (after reading and after writing a batch)
            if (rows % 1000 == 0 && logged.getAndSet(rows) != rows) {
                LOG.info("  … {} / {} rows", rows, max);
            }
        };
        ImportReport demo = importer.importFile("demo", new ByteArrayInputStream(new byte[0]),
                new ImportOptions("demo", null, demoCount), log);
        LOG.info("Demo catalogue: {} instruments in {} ms", demo.inserted(), demo.elapsedMillis());
        Path file = locate(stAndrewsFile);
        if (file == null) {
            LOG.warn("St Andrews file not found at {}; skipped (set dayi.catalogue.st-andrews-file)", stAndrewsFile);
            return;
        }
        try (InputStream in = Files.newInputStream(file)) {
            ImportReport sa = importer.importFile("uniquip", in,
                    new ImportOptions("st-andrews", "University of St Andrews", 0), ImportProgress.NONE);
            LOG.info("St Andrews uniquip file: {} imported, {} skipped, {} invalid", sa.inserted(),
                    sa.skipped().size(), sa.invalidRows());
        }
    }

    /** The path as given, else relative to the parent folders of the working directory (run from app/ or the repo). */
    private static Path locate(String configured) {
        Path p = Path.of(configured);
        if (Files.isRegularFile(p)) {
            return p;
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
            Path candidate = dir.resolve(configured).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
