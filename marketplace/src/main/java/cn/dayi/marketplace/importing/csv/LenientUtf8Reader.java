package cn.dayi.marketplace.importing.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8, and reads any byte that is not part of a valid UTF-8 sequence as Windows-1252
 * instead of replacing it with U+FFFD. Valid UTF-8 is decoded exactly as by the JDK; a Latin-1
 * file whose first 64 KiB happened to be pure ASCII is therefore still read correctly.
 */
final class LenientUtf8Reader extends Reader {

    private static final char[] WINDOWS_1252 = windows1252Table();

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private boolean endOfInput;
    private boolean flushed;

    LenientUtf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    private boolean fill() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (chars.position() == 0) {
            if (!endOfInput && bytes.remaining() < 4) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult r = decoder.decode(bytes, chars, endOfInput);
            if (r.isError()) {
                if (chars.remaining() < r.length()) {
                    break;
                }
                for (int i = 0; i < r.length(); i++) {
                    chars.put(WINDOWS_1252[bytes.get() & 0xFF]);
                }
            } else if (r.isOverflow()) {
                break;
            } else if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static char[] windows1252Table() {
        char[] table = new char[256];
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String decoded = new String(all, CharsetDetector.WINDOWS_1252);
        for (int i = 0; i < 256; i++) {
            char c = decoded.charAt(i);
            // the five bytes Windows-1252 leaves undefined keep their Latin-1 meaning
            table[i] = c == '\uFFFD' ? (char) i : c;
        }
        return table;
    }
}
