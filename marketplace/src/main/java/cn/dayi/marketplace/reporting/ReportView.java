package cn.dayi.marketplace.reporting;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * A {@link ReportTable} as a page shows it: the same cells as the downloads, formatted for reading
 * ({@link ReportTable#display}: 元 with two decimals and separators, hours, percentages).
 *
 * @param title   the table's title
 * @param headers column headers, Chinese and English
 * @param numeric per column, whether it is a number (right-aligned)
 * @param rows    the body, one list of display strings per row
 * @param totals  the totals row as display strings, or null when the table has none
 */
public record ReportView(String title, List<String> headers, List<Boolean> numeric, List<List<String>> rows,
                         List<String> totals) {

    /** The table's cells as display strings. */
    public static ReportView of(ReportTable t) {
        List<ReportTable.Column> cols = t.columns();
        Function<List<Object>, List<String>> show = row -> IntStream.range(0, cols.size())
                .mapToObj(i -> ReportTable.display(cols.get(i).kind(), row.get(i))).toList();
        return new ReportView(t.title(), cols.stream().map(ReportTable.Column::header).toList(),
                cols.stream().map(c -> c.kind() != ReportTable.Kind.TEXT).toList(),
                t.rows().stream().map(show).toList(), t.totals() == null ? null : show.apply(t.totals()));
    }
}
