package cn.dayi.marketplace.importing.dayicsv;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Money amounts of the {@code original_value_cny} and {@code currency} columns. An amount is
 * written in major units (yuan for CNY) with at most as many decimals as the currency has
 * (2 for CNY), optionally with thousands separators ({@code 4,000,000.00}) and a {@code ¥}/{@code ￥}
 * sign or {@code 元} suffix; it is converted exactly (no floating point) to minor units (fen).
 * Codes: {@code BAD_NUMBER} (not an amount, too many decimals), {@code OUT_OF_RANGE} (negative,
 * or more than a {@code long} of minor units), {@code UNKNOWN_CODE} (not an ISO 4217 currency).
 */
final class Amounts {

    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    private Amounts() {
    }

    /** The ISO 4217 currency named by {@code text}; CNY when blank. */
    static Currency currency(String text) throws BadValue {
        if (text == null) {
            return Currency.getInstance("CNY");
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.matches("[A-Z]{3}")) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new BadValue("UNKNOWN_CODE", "Currency '" + text.strip() + "' is not an ISO 4217 code such as CNY, USD or EUR.");
    }

    /** {@code text} in minor units of {@code currency} (fen for CNY). */
    static long minorUnits(String text, Currency currency) throws BadValue {
        String t = text.strip().replace("¥", "").replace("￥", "").replace("元", "").replace(" ", "").strip();
        if (GROUPED.matcher(t).matches()) {
            t = t.replace(",", "");
        } else if (!PLAIN.matcher(t).matches()) {
            throw new BadValue("BAD_NUMBER", "'" + text.strip() + "' is not an amount: write it in "
                    + currency.getCurrencyCode() + " with up to " + digits(currency)
                    + " decimals, e.g. 4000000.00 or 4,000,000.");
        }
        BigDecimal value = new BigDecimal(t);
        if (value.signum() < 0) {
            throw new BadValue("OUT_OF_RANGE", "The original value cannot be negative (" + text.strip() + ").");
        }
        if (value.stripTrailingZeros().scale() > digits(currency)) {
            throw new BadValue("BAD_NUMBER", "'" + text.strip() + "' has more than " + digits(currency)
                    + " decimals; " + currency.getCurrencyCode() + " amounts are exact to the "
                    + (digits(currency) == 2 ? "cent (fen)" : "minor unit") + ".");
        }
        try {
            return value.movePointRight(digits(currency)).longValueExact();
        } catch (ArithmeticException e) {
            throw new BadValue("OUT_OF_RANGE", "The original value " + text.strip() + " is too large.");
        }
    }

    private static int digits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }
}
