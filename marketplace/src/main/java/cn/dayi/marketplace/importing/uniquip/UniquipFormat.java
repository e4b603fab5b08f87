package cn.dayi.marketplace.importing.uniquip;

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
 * The UK national equipment data "uniquip" CSV layout (format id {@code uniquip}): one row per
 * item, any subset of the {@link UniquipColumn}s in any order, in UTF-8, UTF-16 with BOM,
 * Windows-1252/Latin-1 or GB18030 (see {@code docs/import/formats.md}).
 *
 * <p>Each row becomes:
 * <ul>
 *   <li>{@link ParsedRow.Skipped} when it is not an instrument ({@link SkipRules}: no name,
 *       placeholders such as UNKNOWN, asset numbers, furniture, building works, vehicles,
 *       software, accounting entries; or Type "facility"), or an empty row;</li>
 *   <li>{@link ParsedRow.Invalid} with {@code MALFORMED_CSV} (broken quoting), {@code TOO_LONG}
 *       (a field over 100,000 characters) or {@code REQUIRED} (no owner can be found);</li>
 *   <li>otherwise {@link ParsedRow.Accepted}: name = Name, else Description, as written;
 *       source {@code uniquip:<sourceName>}; source id = the ID column, else a content key
 *       ({@link ContentKeys}); owner from Institution Name, the caller's owner name, a known web
 *       domain or the Site Location; category inferred by {@link CategoryKeywords}; region and
 *       coordinates from {@link SiteGazetteer}; sharing mode from Service Level
 *       ({@link ServiceLevels}); currency GBP; no original value.</li>
 * </ul>
 *
 * <p>Rejections ({@link ImportRejectedException}): {@code NOT_UNIQUIP} (no uniquip column in the
 * header), {@code MISSING_COLUMNS} (neither Name nor Description), {@code EMPTY_FILE},
 * {@code NO_HEADER}.
 */
@Singleton
public class UniquipFormat implements CatalogueFormat {

    /** The format id. */
    public static final String ID = "uniquip";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Stream<ParsedRow> read(InputStream input, ImportOptions options) throws IOException {
        CsvTable table = CsvTable.open(input);
        try {
            UniquipRowMapper mapper = new UniquipRowMapper(UniquipColumns.of(table.header()), options);
            return table.lines().map(mapper::map);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }
}
