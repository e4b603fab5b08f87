package cn.dayi.marketplace.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.reporting.ReportTable.Column;
import cn.dayi.marketplace.reporting.ReportTable.Kind;
import cn.dayi.marketplace.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The three downloads carry the same figures, readable by the tools a finance office uses. */
class ReportExportsTest {

    private static final List<Column> COLUMNS = List.of(new Column("仪器 Instrument", Kind.TEXT),
            new Column("毛收入(元) Gross (CNY)", Kind.FEN), new Column("使用机时 Hours used", Kind.MINUTES),
            new Column("利用率 Utilisation", Kind.BASIS_POINTS), new Column("订单数 Orders", Kind.COUNT));

    private static ReportTable table(int rows) {
        List<List<Object>> body = new ArrayList<>();
        long gross = 0;
        for (int i = 0; i < rows; i++) {
            long fen = 132_322L + i;
            gross += fen;
            body.add(Arrays.asList("透射电子显微镜 TEM-" + i, fen, 150L + i, 1_543L, i % 3 == 0 ? null : (long) i));
        }
        return new ReportTable("仪器收入报表 Instrument revenue — 2026-10", "产权单位 Owner: 深圳大学", COLUMNS, body,
                Arrays.asList(null, gross, null, null, null));
    }

    private final ReportExports exports = new ReportExports("");

    @Test
    void csvIsUtf8WithBomPlainNumbersAndATotalsRow() throws IOException {
        byte[] bytes = exports.write(table(2), ReportFormat.CSV);
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte-order mark so Excel shows Chinese");
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new java.io.StringReader(text)).getRecords();
        assertEquals(4, records.size());
        assertEquals("毛收入(元) Gross (CNY)", records.get(0).get(1));
        assertEquals(List.of("透射电子显微镜 TEM-1", "1323.23", "2.52", "15.43", "1"), records.get(2).toList());
        assertEquals("", records.get(1).get(4), "an empty cell stays empty, not 0");
        assertEquals(List.of("合计 Total", "2646.45", "", "", ""), records.get(3).toList());
    }

    @Test
    void xlsxKeepsNumbersAsNumbersWithDisplayFormats() throws IOException {
        byte[] bytes = exports.write(table(3), ReportFormat.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals("仪器收入报表 Instrument revenue — 2026-10", sheet.getRow(0).getCell(0).getStringCellValue());
            Row header = sheet.getRow(3);
            assertEquals("利用率 Utilisation", header.getCell(3).getStringCellValue());
            Row first = sheet.getRow(4);
            assertEquals(1323.22, first.getCell(1).getNumericCellValue(), 1e-9);
            assertEquals("#,##0.00", first.getCell(1).getCellStyle().getDataFormatString());
            assertEquals(0.1543, first.getCell(3).getNumericCellValue(), 1e-9);
            Row totals = sheet.getRow(7);
            assertEquals("合计 Total", totals.getCell(0).getStringCellValue());
            assertEquals(3969.69, totals.getCell(1).getNumericCellValue(), 1e-9);
            assertEquals(4, sheet.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
        }
    }

    @Test
    void pdfShowsChineseFiguresOnEveryPageWithPageNumbers() throws IOException {
        byte[] bytes = exports.write(table(90), ReportFormat.PDF);
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            assertTrue(doc.getNumberOfPages() >= 3, "90 rows do not fit on one A4 page: " + doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("仪器收入报表"), text.substring(0, Math.min(300, text.length())));
            assertTrue(text.contains("透射电子显微镜 TEM-89"), "the last row is there");
            assertTrue(text.contains("1,323.22"), "money shown in 元 with separators");
            assertTrue(text.contains("15.4%"), "utilisation shown as a percentage");
            assertTrue(text.contains("合计 Total"));
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(doc.getNumberOfPages());
            lastPage.setEndPage(doc.getNumberOfPages());
            String last = lastPage.getText(doc);
            assertTrue(last.contains("毛收入(元)"), "the header is repeated on later pages");
            assertTrue(last.contains("Page " + doc.getNumberOfPages() + " of " + doc.getNumberOfPages()));
        }
    }

    @Test
    void withoutACjkFontPdfIsRefusedWithAReasonAndTheOtherFormatsStillWork() {
        ReportExports noFont = new ReportExports(new PdfFonts(
                java.util.Optional.of(java.nio.file.Path.of("/nonexistent/font.ttf")), List.of()));
        ApiException e = assertThrows(ApiException.class, () -> noFont.write(table(1), ReportFormat.PDF));
        assertEquals("PDF_FONT_MISSING", e.code());
        assertTrue(e.getMessage().contains("fonts-wqy-zenhei"), "says how to fix it");
        assertTrue(noFont.write(table(1), ReportFormat.XLSX).length > 0);
        assertTrue(noFont.write(table(1), ReportFormat.CSV).length > 0);
    }

    @Test
    void aCellOfTheWrongTypeIsRefusedWhenTheTableIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReportTable("t", null,
                COLUMNS, List.of(Arrays.asList("x", 1.5, 1L, 1L, 1L)), null));
        assertTrue(e.getMessage().contains("Gross"), e.getMessage());
    }
}
