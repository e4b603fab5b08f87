package cn.dayi.marketplace.importing.csv;

import java.io.IOException;

/**
 * Cuts CSV text into records, following the quoting rules of Commons CSV's default format
 * (comma, double quote, {@code ""} inside quotes, line breaks allowed inside quotes, CR, LF or
 * CRLF between records), so that each record can be parsed on its own and a broken one costs
 * only itself.
 *
 * <ul>
 *   <li>Memory is bounded: a field longer than {@code maxFieldChars} is cut to
 *       {@code maxFieldChars + 1} characters while reading (its closing quote kept), so the
 *       caller sees it is too long without ever holding it.</li>
 *   <li>A record that breaks the quoting rules on one line (text after a closing quote) is
 *       reported and reading goes on with the next line.</li>
 *   <li>An unbalanced quote swallows the following lines until the record turns out broken (or
 *       the file ends); then only the line that opened the quote is reported and reading resumes
 *       on the line after it. That needs the swallowed text, kept up to {@code maxReplayChars};
 *       beyond that the rest of the file is reported as one problem and reading stops.</li>
 * </ul>
 */
final class RecordSplitter {

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN, AFTER_CLOSE }

    private final CharSource in;
    private final int maxFieldChars;
    private final int maxReplayChars;
    private long line = 1;
    private boolean finished;

    RecordSplitter(CharSource in, int maxFieldChars, int maxReplayChars) {
        this.in = in;
        this.maxFieldChars = maxFieldChars;
        this.maxReplayChars = maxReplayChars;
    }

    /** The next record, or null at the end of the input. */
    RawRecord next() throws IOException {
        if (finished) {
            return null;
        }
        Pending r = new Pending(line);
        while (true) {
            int c = in.read();
            if (c == CharSource.EOF) {
                finished = true;
                if (!r.readAny) {
                    return null;
                }
                if (r.state == State.QUOTED) {
                    return r.replay != null
                            ? recover(r, "a quote opened on line " + r.start + " is never closed")
                            : RawRecord.broken(r.start, "Line " + r.start
                                    + ": a quoted field is still open at the end of the file (unbalanced quote).");
                }
                if (r.state == State.QUOTE_SEEN) {
                    r.out.append('"');
                }
                return finish(r);
            }
            r.readAny = true;
            boolean crlf = c == '\r' && in.peek() == '\n';
            if (crlf) {
                in.read();
            }
            if (r.replay != null) {
                r.keep((char) c, crlf, maxReplayChars);
            }
            boolean eol = c == '\r' || c == '\n';

            if (r.state == State.QUOTED) {
                if (c == '"') {
                    r.state = State.QUOTE_SEEN;
                } else if (eol) {
                    line++;
                    r.content((char) c);
                    if (crlf) {
                        r.content('\n');
                    }
                    if (r.replay == null) {
                        r.replay = new StringBuilder();
                        r.replayLine = line;
                    }
                } else {
                    r.content((char) c);
                }
                continue;
            }
            if (r.state == State.QUOTE_SEEN) {
                if (c == '"') {
                    r.fieldLength++;
                    if (r.fieldLength <= maxFieldChars + 1) {
                        r.out.append("\"\"");
                    }
                    r.state = State.QUOTED;
                    continue;
                }
                r.out.append('"');
                r.state = State.AFTER_CLOSE;
            }
            if (eol) {
                line++;
                return finish(r);
            }
            if (c == ',') {
                r.out.append(',');
                r.state = State.FIELD_START;
                r.fieldLength = 0;
                continue;
            }
            switch (r.state) {
                case FIELD_START -> {
                    r.fieldLength = 0;
                    if (c == '"') {
                        r.out.append('"');
                        r.state = State.QUOTED;
                    } else {
                        r.state = State.UNQUOTED;
                        r.content((char) c);
                    }
                }
                case UNQUOTED -> r.content((char) c);
                case AFTER_CLOSE -> {
                    if (!Character.isWhitespace(c) && r.malformed == null) {
                        r.malformed = "text follows the closing quote of a field"
                                + " (a quote inside a quoted field must be doubled: \"\")";
                    }
                }
                default -> throw new IllegalStateException(r.state.name());
            }
        }
    }

    void close() throws IOException {
        in.close();
    }

    private RawRecord finish(Pending r) {
        if (r.malformed == null) {
            return RawRecord.ok(r.start, r.out.toString());
        }
        if (r.replay != null) {
            return recover(r, "the quoted field opened on line " + r.start + " does not end properly");
        }
        return RawRecord.broken(r.start, "Line " + r.start + ": " + r.malformed + ".");
    }

    /** Reports the line that opened a runaway quote and resumes reading on the line after it. */
    private RawRecord recover(Pending r, String what) {
        if (r.replayOverflow) {
            finished = true;
            return RawRecord.fatal(r.start, "Line " + r.start + ": " + what
                    + " (unbalanced quote); the rest of the file from this line on could not be read.");
        }
        in.pushBack(r.replay);
        line = r.replayLine;
        finished = false;
        return RawRecord.broken(r.start, "Line " + r.start + ": " + what
                + " (unbalanced quote); the line is skipped and reading resumes on line " + r.replayLine + ".");
    }

    /** A record being read. */
    private final class Pending {
        final long start;
        final StringBuilder out = new StringBuilder(256);
        State state = State.FIELD_START;
        int fieldLength;
        String malformed;
        boolean readAny;
        StringBuilder replay;
        boolean replayOverflow;
        long replayLine;

        Pending(long start) {
            this.start = start;
        }

        /** One character of field content, dropped once the field is over the limit. */
        void content(char c) {
            fieldLength++;
            if (fieldLength <= maxFieldChars + 1) {
                out.append(c);
            }
        }

        void keep(char c, boolean crlf, int max) {
            if (replayOverflow) {
                return;
            }
            if (replay.length() + 2 > max) {
                replayOverflow = true;
                replay = new StringBuilder();
                return;
            }
            replay.append(c);
            if (crlf) {
                replay.append('\n');
            }
        }
    }
}
