package cn.dayi.marketplace.importing.dayicsv;

import cn.dayi.marketplace.importing.CatalogueFormat;
import cn.dayi.marketplace.importing.ImportOptions;
import cn.dayi.marketplace.importing.ImportRejectedException;
import cn.dayi.marketplace.importing.ParsedRow;
import cn.dayi.marketplace.importing.csv.CsvTable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

/**
 * Dayi's own bulk CSV format (format id {@code dayi-csv}): a header row, then one instrument per
 * row with every catalogue field ({@link DayiColumn}; template
 * {@code docs/import/dayi-catalogue-template.csv}, reference {@code docs/import/formats.md}).
 * UTF-8 (with or without BOM) is the documented encoding; UTF-16 with BOM, GB18030 and
 * Windows-1252 are detected too.
 *
 * <p>Each row becomes {@link ParsedRow.Accepted}, or {@link ParsedRow.Invalid} with every
 * problem of the row: {@code REQUIRED} (source_id, name, owner_name; one coordinate without the
 * other), {@code BAD_NUMBER}, {@code OUT_OF_RANGE} (negative value, latitude/longitude out of
 * range), {@code BAD_DATE}, {@code UNKNOWN_CODE} (country, currency, category, district,
 * enumerations), {@code TOO_LONG} (a field over 100,000 characters), {@code MALFORMED_CSV};
 * empty rows are {@link ParsedRow.Skipped}. Source is {@code dayi-csv:<sourceName>}, source id
 * the {@code source_id} column, so re-importing a file updates the same instruments.
 *
 * <p>Rejections ({@link ImportRejectedException}): {@code MISSING_COLUMNS} (no source_id, name
 * or owner_name column), {@code EMPTY_FILE}, {@code NO_HEADER}.
 */
@Singleton
public class DayiCsvFormat implements CatalogueFormat {

    /** The format id. */
    public static final String ID = "dayi-csv";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stream<ParsedRow> read(InputStream input, ImportOptions options) throws IOException {
        CsvTable table = CsvTable.open(input);
        try {
            DayiRowMapper mapper = new DayiRowMapper(table.header(), options);
            return table.lines().map(mapper::map);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }
}
