package cn.dayi.marketplace.importing;

import cn.dayi.marketplace.importing.ParsedRow.RowProblem;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What one import did, row by row.
 *
 * @param format      format id
 * @param source      import source key, e.g. {@code uniquip:st-andrews}
 * @param rowsRead    data rows read (accepted + skipped + invalid)
 * @param inserted    new instruments written
 * @param updated     existing instruments (same source + source id) whose content changed
 * @param unchanged   rows identical to what is stored; nothing written
 * @param skipped     rows that are not instruments, with the reason
 * @param invalid     rows that were not written, with every problem (row, field, code, reason)
 * @param elapsedMillis wall time of the import, including making the rows searchable
 */
@Serdeable
public record ImportReport(String format, String source, long rowsRead, long inserted, long updated, long unchanged,
                           List<SkippedRow> skipped, List<RowProblem> invalid, long elapsedMillis) {

    /** A row that is not an instrument. */
    @Serdeable
    public record SkippedRow(long row, String reason) {
    }

    /** Rows written or confirmed (inserted + updated + unchanged). */
    public long accepted() {
        return inserted + updated + unchanged;
    }

    /** Number of distinct rows with at least one problem. */
    public long invalidRows() {
        return invalid.stream().mapToLong(RowProblem::row).distinct().count();
    }
}
