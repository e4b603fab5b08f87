package cn.dayi.marketplace.reporting;

import java.util.List;
import java.util.Objects;

/**
 * A report as one table: what the CSV, XLSX and PDF exports write, cell for cell.
 *
 * <p>Cells are typed by their column's {@link Kind}: {@code TEXT} → {@link String}; {@code FEN} → {@link Long}
 * money in fen (shown as 元 with two decimals); {@code MINUTES} → {@link Long} minutes (shown as hours with one
 * decimal); {@code BASIS_POINTS} → {@link Long} (shown as a percentage with one decimal, e.g. utilisation
 * 1234 bp = 12.3 %); {@code COUNT} → {@link Long}. A null cell is shown empty.
 *
 * @param title    report title, e.g. "仪器收入报表 Instrument revenue — 2026-10"
 * @param subtitle one line under the title (party, period, basis such as "utilisation against 1,400 h/year"), or null
 * @param columns  the columns, left to right
 * @param rows     the body; every row has one cell per column
 * @param totals   a totals row (one cell per column, nulls where no total makes sense), or null
 */
public record ReportTable(String title, String subtitle, List<Column> columns, List<List<Object>> rows,
                          List<Object> totals) {

    /** How a column's cells are typed and shown. */
    public enum Kind { TEXT, FEN, MINUTES, BASIS_POINTS, COUNT }

    /**
     * @param header column header, Chinese first and English beside (e.g. "毛收入(元) Gross (CNY)")
     * @param kind   cell type
     */
    public record Column(String header, Kind kind) {
    }

    public ReportTable {
        Objects.requireNonNull(title, "title");
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new java.util.ArrayList<>(r))).toList();
        for (List<Object> row : rows) {
            check(row, columns);
        }
        if (totals != null) {
            totals = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(totals));
            check(totals, columns);
        }
    }

    private static void check(List<Object> row, List<Column> columns) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("A row has " + row.size() + " cells for " + columns.size() + " columns");
        }
        for (int i = 0; i < row.size(); i++) {
            Object cell = row.get(i);
            if (cell == null) {
                continue;
            }
            boolean ok = columns.get(i).kind() == Kind.TEXT ? cell instanceof String : cell instanceof Long;
            if (!ok) {
                throw new IllegalArgumentException("Column '" + columns.get(i).header() + "' (" + columns.get(i).kind()
                        + ") cannot hold " + cell.getClass().getSimpleName());
            }
        }
    }

    /** A cell as people read it: 元 with two decimals and thousands separators, hours, percentages. */
    public static String display(Kind kind, Object cell) {
        if (cell == null) {
            return "";
        }
        return switch (kind) {
            case TEXT -> (String) cell;
            case FEN -> String.format(java.util.Locale.ROOT, "%,.2f", ((Long) cell) / 100.0);
            case MINUTES -> String.format(java.util.Locale.ROOT, "%,.1f", ((Long) cell) / 60.0);
            case BASIS_POINTS -> String.format(java.util.Locale.ROOT, "%.1f%%", ((Long) cell) / 100.0);
            case COUNT -> String.format(java.util.Locale.ROOT, "%,d", (Long) cell);
        };
    }

    /** A cell for machines (CSV): plain decimals without separators, so spreadsheets read numbers. */
    static String plain(Kind kind, Object cell) {
        if (cell == null) {
            return "";
        }
        long v = kind == Kind.TEXT ? 0 : (Long) cell;
        return switch (kind) {
            case TEXT -> (String) cell;
            case FEN -> java.math.BigDecimal.valueOf(v, 2).toPlainString();
            case MINUTES -> java.math.BigDecimal.valueOf(v).divide(java.math.BigDecimal.valueOf(60), 2,
                    java.math.RoundingMode.HALF_UP).toPlainString();
            case BASIS_POINTS -> java.math.BigDecimal.valueOf(v, 2).toPlainString();
            case COUNT -> Long.toString(v);
        };
    }
}
