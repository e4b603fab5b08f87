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
            "zip", "json"));

    private final Set<String> extensions;

    FileKind(Set<String> extensions) {
        this.extensions = extensions;
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

    static final Map<String, String> NAMES_ZH = Map.of("RESULT", "检测结果");
}
