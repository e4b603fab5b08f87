package cn.dayi.marketplace.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes a {@link ReportTable} as an A4 landscape PDF with Apache PDFBox: title and subtitle, the header (Chinese
 * line over English line) repeated on every page, numbers right-aligned, a totals row and "第 n / m 页" page numbers.
 * Columns get widths from their content; when the table is wider than the page the type shrinks (down to 6 pt) and
 * over-long text is cut with "…".
 */
final class PdfReport {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float MARGIN = 36;
    private static final float PAD = 4;

    private PdfReport() {
    }

    /** @param fonts opens the CJK font into a document */
    static void write(ReportTable table, OutputStream out, PdfFonts fonts) throws IOException {
        try (PDDocument doc = new PDDocument(); PdfFonts.Loaded loaded = fonts.load(doc)) {
            PDFont font = loaded.font();
            float available = PAGE.getWidth() - 2 * MARGIN;
            int n = table.columns().size();
            float size = 9;
            float[] widths = widths(table, font, size);
            // shrink the type in small steps until the table fits (the cell padding does not shrink with it)
            while (sum(widths) > available && size > 6) {
                size = Math.max(6, size - 0.25f);
                widths = widths(table, font, size);
            }
            float scale = Math.min(1, available / sum(widths));
            for (int i = 0; i < n; i++) {
                widths[i] *= scale;
            }
            float rowHeight = size * 1.6f;

            List<PDPage> pages = new ArrayList<>();
            PDPage page = newPage(doc, pages);
            PDPageContentStream cs = new PDPageContentStream(doc, page);
            float y = PAGE.getHeight() - MARGIN;
            y = text(cs, font, 14, MARGIN, y - 14, table.title());
            if (table.subtitle() != null) {
                y = text(cs, font, 9, MARGIN, y - 6, table.subtitle());
            }
            y -= 10;
            y = header(cs, table, font, size, widths, y, rowHeight);
            List<List<Object>> body = new ArrayList<>(table.rows());
            int totalsIndex = table.totals() == null ? -1 : body.size();
            if (table.totals() != null) {
                body.add(table.totals());
            }
            for (int r = 0; r < body.size(); r++) {
                if (y - rowHeight < MARGIN + 20) {
                    cs.close();
                    page = newPage(doc, pages);
                    cs = new PDPageContentStream(doc, page);
                    y = header(cs, table, font, size, widths, PAGE.getHeight() - MARGIN, rowHeight);
                }
                if (r == totalsIndex) {
                    line(cs, MARGIN, y, MARGIN + sum(widths), y);
                }
                row(cs, table, body.get(r), r == totalsIndex, font, size, widths, y - rowHeight + size * 0.45f);
                y -= rowHeight;
            }
            cs.close();
            for (int p = 0; p < pages.size(); p++) {
                try (PDPageContentStream footer = new PDPageContentStream(doc, pages.get(p),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String label = "第 " + (p + 1) + " / " + pages.size() + " 页  Page " + (p + 1) + " of " + pages.size();
                    float w = font.getStringWidth(label) / 1000 * 8;
                    text(footer, font, 8, PAGE.getWidth() - MARGIN - w, MARGIN - 12, label);
                }
            }
            doc.save(out);
        }
    }

    private static PDPage newPage(PDDocument doc, List<PDPage> pages) {
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        pages.add(page);
        return page;
    }

    private static float header(PDPageContentStream cs, ReportTable table, PDFont font, float size, float[] widths,
                                float y, float rowHeight) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            String[] lines = headerLines(table.columns().get(i).header());
            text(cs, font, size, x + PAD, y - size - 2, fit(lines[0], font, size, widths[i] - 2 * PAD));
            if (lines.length > 1) {
                text(cs, font, size * 0.85f, x + PAD, y - 2 * size - 4, fit(lines[1], font, size * 0.85f, widths[i] - 2 * PAD));
            }
            x += widths[i];
        }
        float bottom = y - 2 * size - 8;
        line(cs, MARGIN, bottom, MARGIN + sum(widths), bottom);
        return bottom - (rowHeight - size * 1.6f);
    }

    private static void row(PDPageContentStream cs, ReportTable table, List<Object> cells, boolean totals, PDFont font,
                            float size, float[] widths, float baseline) throws IOException {
        float x = MARGIN;
        for (int i = 0; i < widths.length; i++) {
            ReportTable.Kind kind = table.columns().get(i).kind();
            String s = ReportTable.display(kind, cells.get(i));
            if (totals && i == 0 && cells.get(i) == null) {
                s = "合计 Total";
            }
            s = fit(s, font, size, widths[i] - 2 * PAD);
            float w = font.getStringWidth(s) / 1000 * size;
            float at = kind == ReportTable.Kind.TEXT ? x + PAD : x + widths[i] - PAD - w;
            text(cs, font, size, at, baseline, s);
            x += widths[i];
        }
    }

    private static float[] widths(ReportTable table, PDFont font, float size) throws IOException {
        float[] w = new float[table.columns().size()];
        for (int i = 0; i < w.length; i++) {
            ReportTable.Column c = table.columns().get(i);
            for (String line : headerLines(c.header())) {
                w[i] = Math.max(w[i], font.getStringWidth(line) / 1000 * size);
            }
            List<List<Object>> all = new ArrayList<>(table.rows());
            if (table.totals() != null) {
                all.add(table.totals());
            }
            for (List<Object> r : all) {
                w[i] = Math.max(w[i], font.getStringWidth(ReportTable.display(c.kind(), r.get(i))) / 1000 * size);
            }
            w[i] = Math.min(w[i], 260) + 2 * PAD;
        }
        return w;
    }

    /** "毛收入(元) Gross (CNY)" → ["毛收入(元)", "Gross (CNY)"]: Chinese over English. */
    private static String[] headerLines(String header) {
        int space = header.indexOf(' ');
        return space > 0 && header.codePointAt(0) > 0x2E80 ? new String[] {header.substring(0, space),
                header.substring(space + 1)} : new String[] {header};
    }

    private static String fit(String s, PDFont font, float size, float width) throws IOException {
        if (font.getStringWidth(s) / 1000 * size <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }

    private static float text(PDPageContentStream cs, PDFont font, float size, float x, float y, String s)
            throws IOException {
        cs.beginText();
        cs.setFont(font, size);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
        return y;
    }

    private static void line(PDPageContentStream cs, float x1, float y1, float x2, float y2) throws IOException {
        cs.setLineWidth(0.5f);
        cs.moveTo(x1, y1);
        cs.lineTo(x2, y2);
        cs.stroke();
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
