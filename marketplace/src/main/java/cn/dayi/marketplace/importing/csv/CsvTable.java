package cn.dayi.marketplace.importing.csv;

import cn.dayi.marketplace.importing.ImportRejectedException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file with a header row, read lazily: encoding detected ({@link TextInput}), header read
 * on {@link #open}, then one {@link CsvLine} per record, on demand. Records are cut out by
 * {@link RecordSplitter} and each is parsed on its own by Apache Commons CSV
 * ({@link CSVFormat#DEFAULT}: comma, double quotes, {@code ""} escapes), so a broken record
 * becomes a {@link CsvLine.Broken} and the next one is read normally.
 *
 * <p>Limits: a field of more than {@link #MAX_FIELD_CHARS} characters is never held whole (it
 * arrives cut, flagged by {@link CsvLine.Values#tooLong()}); a runaway quote is recovered from
 * while the swallowed text is under {@link #MAX_REPLAY_CHARS}. A record with more non-blank
 * fields than the header is {@link CsvLine.Broken} (its values would land in the wrong columns).
 *
 * <p>Rejections ({@link ImportRejectedException}): {@code EMPTY_FILE} (no record at all),
 * {@code NO_HEADER} (the first record is not valid CSV or has no labels).
 */
public final class CsvTable implements Closeable {

    /** Longest field accepted, in characters. */
    public static final int MAX_FIELD_CHARS = 100_000;

    /** Most text kept to resume after an unbalanced quote, in characters. */
    public static final int MAX_REPLAY_CHARS = 2_000_000;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT;

    private final RecordSplitter splitter;
    private final CsvHeader header;
    private final CharsetDetector.Detection encoding;
    private boolean streamed;

    private CsvTable(RecordSplitter splitter, CsvHeader header, CharsetDetector.Detection encoding) {
        this.splitter = splitter;
        this.header = header;
        this.encoding = encoding;
    }

    /**
     * Detects the encoding and reads the header (the first non-blank record).
     *
     * @throws ImportRejectedException {@code EMPTY_FILE} or {@code NO_HEADER}; the input is closed then
     */
    public static CsvTable open(InputStream input) throws IOException {
        TextInput text = TextInput.open(input);
        RecordSplitter splitter = new RecordSplitter(new CharSource(text.reader()), MAX_FIELD_CHARS, MAX_REPLAY_CHARS);
        try {
            while (true) {
                RawRecord raw = splitter.next();
                if (raw == null) {
                    throw new ImportRejectedException("EMPTY_FILE", "The file is empty: it has no header row and no data.");
                }
                if (raw.problem() != null) {
                    throw new ImportRejectedException("NO_HEADER", "The header row is not valid CSV: " + raw.problem());
                }
                List<String> fields = parse(raw.text());
                if (fields == null) {
                    throw new ImportRejectedException("NO_HEADER",
                            "Line " + raw.line() + ": the header row is not valid CSV.");
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (fields.stream().anyMatch(f -> f.length() > 1_000)) {
                    throw new ImportRejectedException("NO_HEADER",
                            "Line " + raw.line() + ": the first row is not a header row (a column label is over 1,000 characters).");
                }
                return new CsvTable(splitter, new CsvHeader(raw.line(), fields), text.detection());
            }
        } catch (IOException | RuntimeException e) {
            splitter.close();
            throw e;
        }
    }

    public CsvHeader header() {
        return header;
    }

    /** The detected encoding of the file. */
    public CharsetDetector.Detection encoding() {
        return encoding;
    }

    /**
     * The records after the header, in file order, read as the stream is consumed. May be called
     * once. Closing the stream closes the table and its input. An I/O error while reading is
     * thrown as {@link UncheckedIOException}; a bad record never throws.
     */
    public Stream<CsvLine> lines() {
        if (streamed) {
            throw new IllegalStateException("lines() may be called once");
        }
        streamed = true;
        Spliterator<CsvLine> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super CsvLine> action) {
                CsvLine next = nextLine();
                if (next == null) {
                    return false;
                }
                action.accept(next);
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false).onClose(this::closeQuietly);
    }

    @Override
    public void close() throws IOException {
        splitter.close();
    }

    private CsvLine nextLine() {
        RawRecord raw;
        try {
            raw = splitter.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (raw == null) {
            return null;
        }
        if (raw.problem() != null) {
            return new CsvLine.Broken(raw.line(), raw.problem(), raw.fatal());
        }
        List<String> fields = parse(raw.text());
        if (fields == null) {
            return new CsvLine.Broken(raw.line(), "Line " + raw.line() + ": not valid CSV.", false);
        }
        if (fields.stream().allMatch(String::isBlank)) {
            return new CsvLine.Empty(raw.line());
        }
        for (int i = header.size(); i < fields.size(); i++) {
            if (!fields.get(i).isBlank()) {
                return new CsvLine.Broken(raw.line(), "Line " + raw.line() + " has " + fields.size()
                        + " fields but the header has " + header.size()
                        + "; a value probably contains a comma and is not in double quotes.", false);
            }
        }
        return new CsvLine.Values(raw.line(), header, fields);
    }

    /** The fields of one record's text, or null when Commons CSV rejects it. */
    private static List<String> parse(String text) {
        if (text.isEmpty()) {
            return List.of("");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return List.of("");
            }
            CSVRecord record = records.next();
            return records.hasNext() ? null : record.toList();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
