package cn.dayi.marketplace.reporting;

import cn.dayi.marketplace.web.ApiException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a {@link ReportTable} in a {@link ReportFormat}. Reports are summaries (one row per instrument, party or
 * programme and month), so the bytes are built in memory.
 *
 * <p>Errors: 503 {@code PDF_FONT_MISSING} when no CJK TrueType font is installed for PDF (CSV and XLSX still work).
 */
@Singleton
public class ReportExports {

    private final PdfFonts fonts;

    @jakarta.inject.Inject
    public ReportExports(@Value("${dayi.reports.pdf-font:}") String pdfFont) {
        this(new PdfFonts(pdfFont == null || pdfFont.isBlank() ? Optional.empty() : Optional.of(Path.of(pdfFont)),
                PdfFonts.CANDIDATES));
    }

    ReportExports(PdfFonts fonts) {
        this.fonts = fonts;
    }

    /** The report's bytes in {@code format}. */
    public byte[] write(ReportTable table, ReportFormat format) {
        if (format == ReportFormat.PDF && fonts.path().isEmpty()) {
            throw new ApiException.RuleViolation(HttpStatus.SERVICE_UNAVAILABLE, "PDF_FONT_MISSING",
                    "PDF export needs a Chinese TrueType font on the server (apt-get install fonts-wqy-zenhei, or set "
                            + "DAYI_PDF_FONT to a .ttf/.ttc file); CSV and XLSX downloads work meanwhile.");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (format) {
                case CSV -> CsvReport.write(table, out);
                case XLSX -> XlsxReport.write(table, out);
                case PDF -> PdfReport.write(table, out, fonts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The report as a download: its bytes in {@code format}, the format's media type and {@code Content-Disposition:
     * attachment} with the file name {@link #fileName(String, ReportFormat) fileName(stem, format)}.
     */
    public io.micronaut.http.HttpResponse<byte[]> download(ReportTable table, ReportFormat format, String stem) {
        return io.micronaut.http.HttpResponse.ok(write(table, format)).contentType(format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + fileName(stem, format) + "\"");
    }

    /** A file name for the download, e.g. {@code owner-revenue-2026-10.xlsx}. */
    public static String fileName(String stem, ReportFormat format) {
        return stem.replaceAll("[^A-Za-z0-9._-]", "-") + "." + format.extension();
    }
}
