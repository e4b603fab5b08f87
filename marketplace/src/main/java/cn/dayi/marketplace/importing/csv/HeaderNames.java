package cn.dayi.marketplace.importing.csv;

import java.util.Locale;

/**
 * Header normalisation shared by the CSV formats: {@code "Contact Email"}, {@code "contact_email"},
 * {@code " CONTACT-EMAIL "} and {@code "ContactEmail (optional)"} all become {@code contactemail}.
 */
public final class HeaderNames {

    private HeaderNames() {
    }

    /**
     * Lower-cases (root locale), drops a byte order mark, any text in round brackets (ASCII or
     * full-width), whitespace, underscores, hyphens and dots. Null becomes the empty string.
     */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String s = header.replace("\uFEFF", "")
                .replaceAll("\\([^)]*\\)|（[^）]*）", "");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '_' || c == '-' || c == '.') {
                continue;
            }
            b.append(c);
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
