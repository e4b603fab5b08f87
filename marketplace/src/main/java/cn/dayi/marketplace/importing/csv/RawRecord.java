package cn.dayi.marketplace.importing.csv;

/**
 * The text of one CSV record as {@link RecordSplitter} cut it out, or why it could not.
 *
 * @param line    1-based physical line where the record starts
 * @param text    the record without its line break, fields longer than the limit cut to limit + 1
 *                characters (still valid CSV); null when {@code problem} is set
 * @param problem why the record is not valid CSV, or null
 * @param fatal   true when reading cannot go on after this record
 */
record RawRecord(long line, String text, String problem, boolean fatal) {

    static RawRecord ok(long line, String text) {
        return new RawRecord(line, text, null, false);
    }

    static RawRecord broken(long line, String problem) {
        return new RawRecord(line, null, problem, false);
    }

    static RawRecord fatal(long line, String problem) {
        return new RawRecord(line, null, problem, true);
    }
}
