package cn.dayi.marketplace.filestore;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a file may be, by the purpose it is uploaded for: an allow-list of file-name extensions,
 * each with the media type the name implies.
 */
public enum FileKind {

    /** Test results (检测报告, data): PDF, images, CSV / Excel / Word, ZIP, plain text, JSON. */
    RESULT(Set.of("pdf", "png", "jpg", "jpeg", "tif", "tiff", "gif", "bmp", "csv", "txt", "xlsx", "xls", "docx",
            "zip", "json"), Long.MAX_VALUE),
    /** A business licence (营业执照) for real-name verification: a scan or photo as PDF, PNG or JPEG, at most 10 MiB. */
    LICENCE(Set.of("pdf", "png", "jpg", "jpeg"), 10L * 1024 * 1024);

    private final Set<String> extensions;
    private final long maxBytes;

    FileKind(Set<String> extensions, long maxBytes) {
        this.extensions = extensions;
        this.maxBytes = maxBytes;
    }

    /** The most bytes a file of this kind may have within a store that allows {@code storeMax}. */
    long maxBytes(long storeMax) {
        return Math.min(maxBytes, storeMax);
    }

    public Set<String> extensions() {
        return extensions;
    }

    /** The extension of {@code name}, lower case, if it is on this kind's list. */
    Optional<String> allowedExtension(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || dot == name.length() - 1) {
            return Optional.empty();
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return extensions.contains(ext) ? Optional.of(ext) : Optional.empty();
    }

    static final Map<String, String> NAMES_ZH = Map.of("RESULT", "检测结果", "LICENCE", "营业执照");
}
