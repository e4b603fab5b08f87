package cn.dayi.marketplace.importing;

import cn.dayi.marketplace.importing.ImportReport.SkippedRow;
import cn.dayi.marketplace.importing.ParsedRow.Accepted;
import cn.dayi.marketplace.importing.ParsedRow.Invalid;
import cn.dayi.marketplace.importing.ParsedRow.RowProblem;
import cn.dayi.marketplace.importing.ParsedRow.Skipped;
import cn.dayi.marketplace.searchsync.SearchIndexer;
import cn.dayi.marketplace.searchsync.SearchOutbox;
import cn.dayi.search.api.InstrumentIndex;
import cn.dayi.search.api.SearchUnavailableException;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * The one import pipeline behind every format: read → validate → write in batches of
 * {@value #BATCH} rows, each batch one transaction → make the rows searchable → report.
 *
 * <p>Guarantees: a row is written whole or not at all; valid rows are kept even when others are
 * invalid; re-importing the same file changes nothing (rows are keyed by source + source id and
 * compared by content hash; changed rows are updated); a source id repeated within one file is
 * reported, and only its first row is used. When a batch fails in the database, its rows are
 * retried one by one so a single bad row cannot take its neighbours down.
 */
@Singleton
public class CatalogueImporter {

    static final int BATCH = 500;

    private final TransactionOperations<Connection> tx;
    private final DataSource dataSource;
    private final SearchOutbox outbox;
    private final SearchIndexer indexer;
    private final InstrumentIndex index;
    private final Map<String, CatalogueFormat> formats = new HashMap<>();

    public CatalogueImporter(TransactionOperations<Connection> tx, DataSource dataSource, SearchOutbox outbox,
                             SearchIndexer indexer, InstrumentIndex index, List<CatalogueFormat> formats) {
        this.index = index;
        this.tx = tx;
        this.dataSource = cn.dayi.marketplace.db.PlainDataSource.of(dataSource);
        this.outbox = outbox;
        this.indexer = indexer;
        formats.forEach(f -> this.formats.put(f.id(), f));
    }

    /** Format ids this importer knows, e.g. {@code [demo, dayi-csv, uniquip]}. */
    public Set<String> formats() {
        return formats.keySet();
    }

    /**
     * Imports {@code input} in {@code formatId}.
     *
     * @throws ImportRejectedException with code {@code UNKNOWN_FORMAT} for an unknown format, or
     *                                 the format's own code when the file is not that format at all
     */
    public ImportReport importFile(String formatId, InputStream input, ImportOptions options, ImportProgress progress)
            throws IOException {
        CatalogueFormat format = formats.get(formatId);
        if (format == null) {
            throw new ImportRejectedException("UNKNOWN_FORMAT",
                    "Unknown import format '" + formatId + "'; use one of " + new java.util.TreeSet<>(formats.keySet()) + ".");
        }
        long started = System.nanoTime();
        Run run = new Run(format.id(), validator(), progress, options.demoCount() > 0 ? options.demoCount() : -1);
        boolean bulk = bulkLoading(true);
        try (Stream<ParsedRow> rows = format.read(input, options)) {
            rows.forEachOrdered(run::accept);
            run.flush();
        } finally {
            if (bulk) {
                bulkLoading(false);
            }
        }
        indexer.drainNow();
        ImportReport report = run.report((System.nanoTime() - started) / 1_000_000);
        progress.finished(report);
        return report;
    }

    /** Bulk mode of the index for the import's duration; an import still works while search is down. */
    private boolean bulkLoading(boolean on) {
        try {
            if (on) {
                index.ensureIndex();
            }
            index.bulkLoading(on);
            return true;
        } catch (SearchUnavailableException e) {
            return false;
        }
    }

    private RowValidator validator() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            Set<String> regions = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT code FROM region")) {
                while (rs.next()) {
                    regions.add(rs.getString(1));
                }
            }
            Set<String> categories = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT code FROM category")) {
                while (rs.next()) {
                    categories.add(rs.getString(1));
                }
            }
            return new RowValidator(regions, categories);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read reference data: " + e.getMessage(), e);
        }
    }

    /** State of one import run. */
    private final class Run {
        private final String formatId;
        private final RowValidator validator;
        private final ImportProgress progress;
        private final long expected;
        private final OwnerResolver owners = new OwnerResolver(outbox);
        private final InstrumentWriter writer = new InstrumentWriter(owners, outbox);
        private final Map<String, Long> firstRowOfKey = new HashMap<>();
        private final List<Accepted> batch = new ArrayList<>(BATCH);
        private final List<SkippedRow> skipped = new ArrayList<>();
        private final List<RowProblem> invalid = new ArrayList<>();
        private String source;
        private long read;
        private long inserted;
        private long updated;
        private long unchanged;

        Run(String formatId, RowValidator validator, ImportProgress progress, long expected) {
            this.formatId = formatId;
            this.validator = validator;
            this.progress = progress;
            this.expected = expected;
        }

        void accept(ParsedRow row) {
            read++;
            switch (row) {
                case Skipped s -> skipped.add(new SkippedRow(s.rowNumber(), s.reason()));
                case Invalid i -> invalid.addAll(i.problems());
                case Accepted a -> admit(a);
            }
            if (batch.size() >= BATCH) {
                flush();
            }
            if (read % 100 == 0) {
                progress.advanced(read, expected);
            }
        }

        private void admit(Accepted a) {
            if (source == null) {
                source = a.row().source();
            }
            List<RowProblem> problems = validator.problems(a.rowNumber(), a.row());
            if (!problems.isEmpty()) {
                invalid.addAll(problems);
                return;
            }
            Long first = firstRowOfKey.putIfAbsent(a.row().source() + "\u0000" + a.row().sourceId(), a.rowNumber());
            if (first != null) {
                invalid.add(new RowProblem(a.rowNumber(), "source_id", "DUPLICATE_KEY",
                        "Source id '" + a.row().sourceId() + "' was already used on row " + first
                                + " of this file; this row was not imported."));
                return;
            }
            batch.add(a);
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<Accepted> rows = List.copyOf(batch);
            batch.clear();
            try {
                InstrumentWriter.BatchResult r = tx.executeWrite(status ->
                        writer.write(status.getConnection(), rows.stream().map(Accepted::row).toList()));
                count(r);
            } catch (RuntimeException batchFailure) {
                owners.forget();
                for (Accepted a : rows) {
                    writeAlone(a);
                }
            }
            indexer.requestDrain();
            progress.advanced(read, expected);
        }

        private void writeAlone(Accepted a) {
            try {
                count(tx.executeWrite(status -> writer.write(status.getConnection(), List.of(a.row()))));
            } catch (RuntimeException e) {
                owners.forget();
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                invalid.add(new RowProblem(a.rowNumber(), "*", "DB_REJECTED",
                        "The database refused this row: " + root.getMessage()));
            }
        }

        private void count(InstrumentWriter.BatchResult r) {
            inserted += r.inserted();
            updated += r.updated();
            unchanged += r.unchanged();
        }

        ImportReport report(long elapsedMillis) {
            return new ImportReport(formatId, source, read, inserted, updated, unchanged,
                    List.copyOf(skipped), List.copyOf(invalid), elapsedMillis);
        }
    }
}
