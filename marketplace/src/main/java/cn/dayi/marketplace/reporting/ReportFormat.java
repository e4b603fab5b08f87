package cn.dayi.marketplace.reporting;

import java.util.Locale;
import java.util.Optional;

/** The download formats of a report, with their media type and file extension. */
public enum ReportFormat {
    /** UTF-8 with a byte-order mark so Excel opens Chinese text correctly; plain numbers (元, hours, %). */
    CSV("text/csv; charset=UTF-8", "csv"),
    /** Excel workbook: numbers stay numbers with display formats; header row frozen. */
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** A4 landscape, header repeated on every page, page numbers. */
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** "csv", "xlsx" or "pdf" in any case; empty otherwise. */
    public static Optional<ReportFormat> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (ReportFormat f : values()) {
            if (f.extension.equals(s.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format {@code s} names; 400 {@code FORMAT_INVALID} when it names none. */
    public static ReportFormat require(String s) {
        return parse(s).orElseThrow(() -> new cn.dayi.marketplace.web.ApiException.ValidationFailed("format",
                "FORMAT_INVALID", "Choose format=csv, xlsx or pdf."));
    }
}
