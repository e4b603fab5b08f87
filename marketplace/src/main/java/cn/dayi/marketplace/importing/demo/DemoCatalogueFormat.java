package cn.dayi.marketplace.importing.demo;

import cn.dayi.marketplace.importing.CatalogueFormat;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ParsedRow;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The {@code demo} catalogue format: ignores its input and generates
 * {@link ImportOptions#demoCount()} instruments ({@value DemoCatalogueGenerator#DEFAULT_COUNT} when
 * that is 0 or less) with {@link DemoCatalogueGenerator}. Every row is
 * {@link ParsedRow.Accepted}, with {@code rowNumber} = its index (1, 2, …) and source id
 * {@code demo-000001}, …; rows carry {@code source = "demo"} and {@code demo = true}, owners
 * {@code source = "demo"}. The output is deterministic and lazy: the same count always gives the
 * same rows, generated one at a time as the stream is consumed.
 */
@Singleton
public final class DemoCatalogueFormat implements CatalogueFormat {

    /** Format id. */
    public static final String ID = "demo";

    @Override
    public String id() {
        return ID;
    }

    /**
     * Generates the demo rows. {@code input} is not read (it may be null or empty); closing the
     * returned stream closes it, as the contract asks.
     */
    @Override
    public Stream<ParsedRow> read(InputStream input, ImportOptions options) {
        int requested = options == null ? 0 : options.demoCount();
        int count = requested <= 0 ? DemoCatalogueGenerator.DEFAULT_COUNT : requested;
        DemoCatalogueGenerator generator = DemoCatalogueGenerator.instance();
        Stream<ParsedRow> rows = LongStream.rangeClosed(1, count)
                .mapToObj(i -> new ParsedRow.Accepted(i, generator.row(i)));
        if (input == null) {
            return rows;
        }
        return rows.onClose(() -> {
            try {
                input.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
