package cn.dayi.marketplace.importing.csv;

import cn.dayi.marketplace.importing.ParsedRow;
import cn.dayi.marketplace.importing.ParsedRow.RowProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One record after the header of a {@link CsvTable}: its values, an empty row, or a record that
 * is not valid CSV. {@code lineNumber} is the 1-based physical line where the record starts
 * (header = line 1 in a file without leading blank lines).
 */
public sealed interface CsvLine {

    long lineNumber();

    /** Field code for problems about the whole row. */
    String WHOLE_ROW = "*";

    /**
     * A record's values in file order; shorter records read as blank in the missing columns.
     * Values longer than {@link CsvTable#MAX_FIELD_CHARS} arrive cut to that length + 1; see
     * {@link #tooLong()}.
     */
    record Values(long lineNumber, CsvHeader header, List<String> values) implements CsvLine {

        public Values {
            values = List.copyOf(values);
        }

        /**
         * The stripped value of column {@code index} with ASCII control characters (other than
         * line breaks and tabs) removed, or null when the column is absent or blank.
         */
        public String get(OptionalInt index) {
            return index.isPresent() ? get(index.getAsInt()) : null;
        }

        /** See {@link #get(OptionalInt)}. */
        public String get(int index) {
            if (index < 0 || index >= values.size()) {
                return null;
            }
            String v = values.get(index);
            StringBuilder b = null;
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F;
                if (control && b == null) {
                    b = new StringBuilder(v.length()).append(v, 0, i);
                } else if (!control && b != null) {
                    b.append(c);
                }
            }
            String s = (b == null ? v : b.toString()).strip();
            return s.isEmpty() ? null : s;
        }

        /**
         * One {@code TOO_LONG} problem per field longer than {@link CsvTable#MAX_FIELD_CHARS}
         * characters, naming the column; empty when every field is within the limit.
         */
        public List<RowProblem> tooLong() {
            List<RowProblem> problems = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i).length() > CsvTable.MAX_FIELD_CHARS) {
                    problems.add(new RowProblem(lineNumber, header.label(i), "TOO_LONG",
                            "Field '" + header.label(i) + "' is longer than "
                                    + String.format("%,d", CsvTable.MAX_FIELD_CHARS) + " characters."));
                }
            }
            return problems;
        }
    }

    /** A blank line or a record whose fields are all blank. */
    record Empty(long lineNumber) implements CsvLine {

        /** As a row the importer reports. */
        public ParsedRow.Skipped toSkipped() {
            return new ParsedRow.Skipped(lineNumber, "empty row");
        }
    }

    /**
     * A record that is not valid CSV.
     *
     * @param reason what is wrong, for people, naming the line
     * @param fatal  true when nothing after it could be read
     */
    record Broken(long lineNumber, String reason, boolean fatal) implements CsvLine {

        /** As a row the importer reports: one {@code MALFORMED_CSV} problem about the whole row. */
        public ParsedRow.Invalid toInvalid() {
            return new ParsedRow.Invalid(lineNumber,
                    List.of(new RowProblem(lineNumber, WHOLE_ROW, "MALFORMED_CSV", reason)));
        }
    }
}
