package cn.dayi.marketplace.importing.uniquip;

import java.util.List;
import java.util.Locale;

/**
 * A text as a sequence of upper-case words, for keyword rules that must look at whole words:
 * {@code "Cary 300"} does not contain the word {@code CAR}. Letters and digits form words;
 * everything else separates them, and so does a change between Latin letters and digits
 * ({@code "RS6000"} → {@code RS 6000}, {@code "3Computers"} → {@code 3 COMPUTERS}).
 *
 * <p>Keyword syntax of {@link #has}: one or more words separated by single spaces, upper case;
 * a trailing {@code *} makes the last word a prefix ({@code SPECTRO*} matches
 * {@code SPECTROMETER}); without it every word must match whole.
 */
final class Words {

    private final String spaced;
    private final String lastWord;

    private Words(String spaced, String lastWord) {
        this.spaced = spaced;
        this.lastWord = lastWord;
    }

    static Words of(String text) {
        StringBuilder b = new StringBuilder(" ");
        if (text != null) {
            String t = text.toUpperCase(Locale.ROOT);
            int previous = ' ';
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    boolean boundary = (isAsciiLetter(previous) && isDigit(c)) || (isDigit(previous) && isAsciiLetter(c));
                    if (boundary) {
                        b.append(' ');
                    }
                    b.append(c);
                    previous = c;
                } else if (previous != ' ') {
                    b.append(' ');
                    previous = ' ';
                }
            }
        }
        if (b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
        }
        String spaced = b.toString();
        String trimmed = spaced.strip();
        String last = trimmed.isEmpty() ? "" : trimmed.substring(trimmed.lastIndexOf(' ') + 1);
        return new Words(spaced, last);
    }

    /**
     * A keyword prepared for matching.
     *
     * @param plain  the keyword without its {@code *}
     * @param needle what the spaced text must contain
     */
    record Keyword(String plain, String needle) {
    }

    /** Prepares {@code keyword} (see the class comment for the syntax). */
    static Keyword keyword(String keyword) {
        if (keyword.endsWith("*")) {
            String stem = keyword.substring(0, keyword.length() - 1);
            return new Keyword(stem, " " + stem);
        }
        return new Keyword(keyword, " " + keyword + " ");
    }

    /** Prepares each of {@code keywords}. */
    static List<Keyword> keywords(List<String> keywords) {
        return keywords.stream().map(Words::keyword).toList();
    }

    /** Whether the text contains {@code keyword}. */
    boolean has(Keyword keyword) {
        return spaced.contains(keyword.needle());
    }

    /** Whether the text contains {@code keyword} (see the class comment for the syntax). */
    boolean has(String keyword) {
        return has(keyword(keyword));
    }

    /**
     * Whether the last word looks like {@code word} cut short, as in feeds that truncate
     * descriptions ({@code "Swamp Optics Softwar"}): at least six characters and a proper
     * prefix of {@code word}.
     */
    boolean endsWithCutOf(String word) {
        return lastWord.length() >= 6 && lastWord.length() < word.length() && word.startsWith(lastWord);
    }

    /** The words, space separated. */
    String text() {
        return spaced.strip();
    }

    boolean isEmpty() {
        return spaced.isBlank();
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
