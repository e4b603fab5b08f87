package cn.dayi.marketplace.importing;

/** Told how far an import has got; implementations draw a progress bar or log. */
public interface ImportProgress {

    /** {@code rowsRead} rows read so far, {@code expected} total when known, else -1. */
    void advanced(long rowsRead, long expected);

    /** The import finished (or failed); the report is complete. */
    default void finished(ImportReport report) {
    }

    ImportProgress NONE = (rows, expected) -> {
    };
}
