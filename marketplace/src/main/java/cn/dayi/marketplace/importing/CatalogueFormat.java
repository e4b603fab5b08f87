package cn.dayi.marketplace.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * A catalogue input format. Implementations read lazily (a 100,000-row file must not be held in
 * memory) and never throw for bad rows: each bad row becomes a {@link ParsedRow.Invalid} or
 * {@link ParsedRow.Skipped}. An {@link IOException} (or {@link ImportRejectedException} for a
 * file that is not this format at all, e.g. no recognisable header) means nothing can be read.
 */
public interface CatalogueFormat {

    /** Format id used on the command line and in the API: {@code uniquip}, {@code dayi-csv}, {@code demo}. */
    String id();

    /**
     * Parses {@code input}. The stream must be closed by the caller; closing it closes {@code input}.
     *
     * @param input   raw bytes (the reader detects the encoding where the format allows several)
     * @param options source name and defaults from the caller
     */
    Stream<ParsedRow> read(InputStream input, ImportOptions options) throws IOException;
}
