package cn.dayi.marketplace.importing;

/**
 * The whole input cannot be imported (not the named format, unreadable encoding, empty file).
 * {@code code} is stable, e.g. {@code NOT_UNIQUIP}, {@code NO_HEADER}, {@code EMPTY_FILE}.
 */
public class ImportRejectedException extends RuntimeException {
    private final String code;

    public ImportRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
