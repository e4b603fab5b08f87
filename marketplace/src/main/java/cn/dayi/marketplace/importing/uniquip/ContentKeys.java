package cn.dayi.marketplace.importing.uniquip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stable source ids for rows without an {@code ID} column: the first 32 hex digits of the
 * SHA-256 of the row's identifying values, normalised (stripped, runs of white space made one
 * space, lower case), then {@code #} and the occurrence of that key in the file (1, 2, ...), so
 * that five identical "Hitachi S4800 SEM" rows are five instruments and re-reading the same file
 * gives the same keys in the same order. One instance per file: it counts occurrences.
 */
final class ContentKeys {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final Map<String, Integer> seen = new HashMap<>();
    private final MessageDigest sha256 = sha256();

    /** The key of the next row with these identifying values (in a fixed column order). */
    String next(List<String> identifyingValues) {
        StringBuilder b = new StringBuilder();
        for (String v : identifyingValues) {
            b.append(normalise(v)).append('\u001F');
        }
        byte[] digest = sha256.digest(b.toString().getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(digest, 0, 16);
        int occurrence = seen.merge(hash, 1, Integer::sum);
        return hash + "#" + occurrence;
    }

    private static String normalise(String value) {
        return value == null ? "" : WHITE_SPACE.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
