package cn.dayi.marketplace.importing;

import java.util.List;

/**
 * What a format reader made of one input row: an instrument, a row that is not an instrument
 * (skipped, with the reason), or a row that is one but cannot be imported (with every problem).
 * {@code rowNumber} is the 1-based line of the record in the file, header = line 1.
 */
public sealed interface ParsedRow {

    long rowNumber();

    /** A row to import. */
    record Accepted(long rowNumber, InstrumentRow row) implements ParsedRow {
    }

    /** Not an instrument (junk, furniture, a blank line); {@code reason} says why, for people. */
    record Skipped(long rowNumber, String reason) implements ParsedRow {
    }

    /** An instrument row with problems; nothing of it is written. */
    record Invalid(long rowNumber, List<RowProblem> problems) implements ParsedRow {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }

    /**
     * One problem with one field of one row.
     *
     * @param row    1-based row number (header = 1)
     * @param field  column or field name as the user knows it, or {@code *} for the whole row
     * @param code   stable machine code, e.g. {@code REQUIRED}, {@code TOO_LONG}, {@code OUT_OF_RANGE},
     *               {@code BAD_NUMBER}, {@code BAD_DATE}, {@code UNKNOWN_CODE}, {@code MALFORMED_CSV}
     * @param reason a sentence a person understands
     */
    @io.micronaut.serde.annotation.Serdeable
    record RowProblem(long row, String field, String code, String reason) {
    }
}
