package cn.dayi.marketplace.importing.dayicsv;

/**
 * A value that cannot be read, thrown by the value parsers and turned into a row problem by
 * {@link DayiRowMapper}.
 *
 * @see cn.dayi.marketplace.importing.ParsedRow.RowProblem for the codes
 */
final class BadValue extends Exception {
    private final String code;

    BadValue(String code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
