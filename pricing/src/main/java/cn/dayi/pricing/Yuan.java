package cn.dayi.pricing;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Shows an amount in fen as yuan for messages, e.g. {@code 81429 → "814.29"} and
 * {@code 123456789 → "1,234,567.89"}. Exact (fen have two decimals), so no rounding happens here.
 */
public final class Yuan {

    private Yuan() {
    }

    /** @return the amount in yuan with two decimals and thousands separators; "-" for negatives */
    public static String format(long fen) {
        return String.format(Locale.ROOT, "%,.2f", BigDecimal.valueOf(fen, 2));
    }
}
