package cn.dayi.marketplace.importing.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Guesses the text encoding of a catalogue file from its first bytes.
 *
 * <p>Order of the checks, first match wins:
 * <ol>
 *   <li>a byte order mark: UTF-8 ({@code EF BB BF}), UTF-16BE ({@code FE FF}) or UTF-16LE
 *       ({@code FF FE}); the mark is reported in {@link Detection#bomLength()} and must be skipped;</li>
 *   <li>the sample decodes as strict UTF-8 (pure ASCII included) → UTF-8;</li>
 *   <li>juniversalchardet says GB18030/GBK/GB2312 or Big5 and the sample decodes strictly in it
 *       → that (GBK and GB2312 are read as their superset GB18030);</li>
 *   <li>juniversalchardet says Windows-1252 or ISO-8859-1 → Windows-1252 (a superset of the
 *       printable Latin-1 range);</li>
 *   <li>any other or no answer (short Chinese samples are often mistaken for KOI8-R): the sample
 *       decodes strictly as GB18030 and at least half of its non-ASCII characters are CJK
 *       → GB18030, else Windows-1252.</li>
 * </ol>
 * Only these encodings are supported. A sample of {@link #SAMPLE_BYTES} is enough in practice;
 * the reader ({@link TextInput}) copes with a UTF-8 guess that turns out wrong later in the file.
 */
public final class CharsetDetector {

    /** Bytes looked at: the first 64 KiB. */
    public static final int SAMPLE_BYTES = 64 * 1024;

    /** Windows-1252, the encoding used for Latin-1 files. */
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Charset GB18030 = Charset.forName("GB18030");

    /**
     * The outcome.
     *
     * @param charset   encoding of the text after the byte order mark
     * @param bomLength bytes of byte order mark at the start of the input: 0, 2 (UTF-16) or 3 (UTF-8)
     */
    public record Detection(Charset charset, int bomLength) {

        /** Whether a byte order mark was found (and is skipped by {@link TextInput}). */
        public boolean bomSkipped() {
            return bomLength > 0;
        }
    }

    private CharsetDetector() {
    }

    /**
     * Detects the encoding of {@code sample[0..length)}.
     *
     * @param complete true when the sample is the whole input (a multi-byte sequence cut at the
     *                 end of a partial sample is then not held against UTF-8)
     */
    public static Detection detect(byte[] sample, int length, boolean complete) {
        if (startsWith(sample, length, 0xEF, 0xBB, 0xBF)) {
            return new Detection(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(sample, length, 0xFE, 0xFF)) {
            return new Detection(StandardCharsets.UTF_16BE, 2);
        }
        if (startsWith(sample, length, 0xFF, 0xFE)) {
            return new Detection(StandardCharsets.UTF_16LE, 2);
        }
        if (decodesStrictly(StandardCharsets.UTF_8, sample, length, complete)) {
            return new Detection(StandardCharsets.UTF_8, 0);
        }
        String guess = guess(sample, length);
        if (guess != null) {
            switch (guess.toUpperCase(Locale.ROOT)) {
                case "GB18030", "GBK", "GB2312", "HZ-GB-2312" -> {
                    if (decodesStrictly(GB18030, sample, length, complete)) {
                        return new Detection(GB18030, 0);
                    }
                }
                case "BIG5" -> {
                    Charset big5 = Charset.forName("Big5");
                    if (decodesStrictly(big5, sample, length, complete)) {
                        return new Detection(big5, 0);
                    }
                }
                case "WINDOWS-1252", "ISO-8859-1" -> {
                    return new Detection(WINDOWS_1252, 0);
                }
                default -> {
                    // other single-byte guesses are usually Latin text or short Chinese text; see below
                }
            }
        }
        if (looksLikeChinese(sample, length, complete)) {
            return new Detection(GB18030, 0);
        }
        return new Detection(WINDOWS_1252, 0);
    }

    private static boolean startsWith(byte[] b, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String guess(byte[] sample, int length) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(sample, 0, length);
        detector.dataEnd();
        return detector.getDetectedCharset();
    }

    private static boolean decodesStrictly(Charset charset, byte[] sample, int length, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sample, 0, length);
        CharBuffer out = CharBuffer.allocate(1024);
        while (true) {
            CoderResult r = decoder.decode(in, out, complete);
            if (r.isError()) {
                return false;
            }
            if (r.isOverflow()) {
                out.clear();
                continue;
            }
            // underflow: all consumed, except maybe a sequence cut at the end of a partial sample
            return !complete || decoder.flush(out).isUnderflow();
        }
    }

    private static boolean looksLikeChinese(byte[] sample, int length, boolean complete) {
        int end = length;
        if (!complete) {
            // drop a possibly cut character at the end of a partial sample
            while (end > 0 && end > length - 4 && (sample[end - 1] & 0x80) != 0) {
                end--;
            }
        }
        String text;
        try {
            text = GB18030.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(sample, 0, end)).toString();
        } catch (CharacterCodingException e) {
            return false;
        }
        int nonAscii = 0;
        int cjk = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            nonAscii++;
            Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
            if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                    || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                    || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
                cjk++;
            }
        }
        return nonAscii > 0 && cjk * 2 >= nonAscii;
    }
}
