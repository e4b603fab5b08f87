package cn.dayi.marketplace.importing.csv;

import java.io.IOException;
import java.io.Reader;

/** Characters of a {@link Reader}, one at a time, with one-character look-ahead and push-back of text. */
final class CharSource {

    static final int EOF = -1;

    private final Reader reader;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private CharSequence pushedBack = "";
    private int pushedBackPosition;

    CharSource(Reader reader) {
        this.reader = reader;
    }

    int read() throws IOException {
        if (pushedBackPosition < pushedBack.length()) {
            return pushedBack.charAt(pushedBackPosition++);
        }
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position++];
    }

    int peek() throws IOException {
        if (pushedBackPosition < pushedBack.length()) {
            return pushedBack.charAt(pushedBackPosition);
        }
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    /** Makes {@code text} the next characters read, ahead of anything not yet read. */
    void pushBack(CharSequence text) {
        String rest = pushedBack.subSequence(pushedBackPosition, pushedBack.length()).toString();
        pushedBack = rest.isEmpty() ? text.toString() : text + rest;
        pushedBackPosition = 0;
    }

    void close() throws IOException {
        reader.close();
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = reader.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }
}
