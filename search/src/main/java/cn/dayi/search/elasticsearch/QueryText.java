package cn.dayi.search.elasticsearch;

/**
 * Turns what a user typed into plain text for match queries: control and format characters
 * (NUL, escape sequences, zero-width spaces, byte-order marks) become spaces, runs of white space
 * collapse to one, and the result is cut at {@value #MAX_CODE_POINTS} code points (never inside a
 * surrogate pair). The result is only ever used as the text of match, match_phrase, term and
 * prefix queries, so query syntax in it ({@code AND}, {@code *:*}, {@code name:/regex/}, JSON) is
 * searched for as words, not interpreted.
 */
final class QueryText {

    /** Longest text that reaches Elasticsearch. */
    static final int MAX_CODE_POINTS = 200;

    private QueryText() {
    }

    /** Cleaned text; empty for null or blank input. */
    static String clean(String raw) {
        return clean(raw, MAX_CODE_POINTS);
    }

    /** Cleaned text of at most {@code maxCodePoints} code points. */
    static String clean(String raw, int maxCodePoints) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), maxCodePoints * 2));
        int kept = 0;
        boolean pendingSpace = false;
        for (int i = 0; i < raw.length() && kept < maxCodePoints; ) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isControlOrFormat(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                kept++;
                pendingSpace = false;
                if (kept >= maxCodePoints) {
                    break;
                }
            }
            out.appendCodePoint(cp);
            kept++;
        }
        return out.toString().strip();
    }

    private static boolean isControlOrFormat(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }
}
