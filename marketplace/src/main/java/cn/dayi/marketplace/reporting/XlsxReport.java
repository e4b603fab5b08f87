package cn.dayi.marketplace.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link ReportTable} as an Excel workbook with Apache POI's streaming writer (memory flat in the number of
 * rows): title and subtitle rows, a bold frozen header, numbers as numbers (元 with two decimals, hours, percentages)
 * and a bold totals row.
 */
final class XlsxReport {

    private XlsxReport() {
    }

    static void write(ReportTable table, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("report");
            Font bold = wb.createFont();
            bold.setBold(true);
            CellStyle boldStyle = wb.createCellStyle();
            boldStyle.setFont(bold);
            Map<ReportTable.Kind, CellStyle> plain = styles(wb, null);
            Map<ReportTable.Kind, CellStyle> strong = styles(wb, bold);

            int r = 0;
            text(sheet.createRow(r++), 0, table.title(), boldStyle);
            if (table.subtitle() != null) {
                text(sheet.createRow(r++), 0, table.subtitle(), null);
            }
            r++;
            int headerRow = r;
            Row header = sheet.createRow(r++);
            for (int i = 0; i < table.columns().size(); i++) {
                text(header, i, table.columns().get(i).header(), boldStyle);
            }
            for (List<Object> row : table.rows()) {
                fill(table, sheet.createRow(r++), row, plain);
            }
            if (table.totals() != null) {
                Row totals = sheet.createRow(r);
                fill(table, totals, table.totals(), strong);
                if (table.totals().get(0) == null) {
                    text(totals, 0, "合计 Total", boldStyle);
                }
            }
            sheet.createFreezePane(0, headerRow + 1);
            for (int i = 0; i < table.columns().size(); i++) {
                int chars = Math.max(10, table.columns().get(i).header().length() + 4);
                sheet.setColumnWidth(i, Math.min(60, chars) * 256);
            }
            wb.write(out);
            wb.dispose();
        }
    }

    private static Map<ReportTable.Kind, CellStyle> styles(SXSSFWorkbook wb, Font font) {
        Map<ReportTable.Kind, CellStyle> styles = new EnumMap<>(ReportTable.Kind.class);
        for (ReportTable.Kind kind : ReportTable.Kind.values()) {
            CellStyle s = wb.createCellStyle();
            if (font != null) {
                s.setFont(font);
            }
            String format = switch (kind) {
                case FEN -> "#,##0.00";
                case MINUTES -> "#,##0.0";
                case BASIS_POINTS -> "0.0%";
                case COUNT -> "#,##0";
                case TEXT -> null;
            };
            if (format != null) {
                s.setDataFormat(wb.createDataFormat().getFormat(format));
            }
            styles.put(kind, s);
        }
        return styles;
    }

    private static void fill(ReportTable table, Row row, List<Object> cells, Map<ReportTable.Kind, CellStyle> styles) {
        for (int i = 0; i < cells.size(); i++) {
            Object v = cells.get(i);
            if (v == null) {
                continue;
            }
            ReportTable.Kind kind = table.columns().get(i).kind();
            Cell cell = row.createCell(i);
            cell.setCellStyle(styles.get(kind));
            switch (kind) {
                case TEXT -> cell.setCellValue((String) v);
                case FEN -> cell.setCellValue((Long) v / 100.0);
                case MINUTES -> cell.setCellValue((Long) v / 60.0);
                case BASIS_POINTS -> cell.setCellValue((Long) v / 10_000.0);
                case COUNT -> cell.setCellValue((Long) v);
            }
        }
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }
}
