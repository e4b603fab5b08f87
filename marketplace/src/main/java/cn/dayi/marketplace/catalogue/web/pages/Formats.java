package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.catalogue.InstrumentDetail.Money;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * How pages show numbers, money, dates and countries. Money is formatted from minor units with
 * integer arithmetic only (no {@code double}): {@code 160000000} fen CNY → "1,600,000.00 元".
 * Instants show in Asia/Shanghai.
 */
final class Formats {

    static final ZoneId SHOWN_ZONE = ZoneId.of("Asia/Shanghai");

    private Formats() {
    }

    /** A count with thousands separators. */
    static String count(long n, Language language) {
        return NumberFormat.getIntegerInstance(language.locale()).format(n);
    }

    /** An amount in minor units as major units with separators, e.g. {@code 1,600,000.00}. */
    static String amount(long minor, String currency, Language language) {
        int digits = fractionDigits(currency);
        long factor = 1;
        for (int i = 0; i < digits; i++) {
            factor *= 10;
        }
        long major = Math.abs(minor / factor);
        long rest = Math.abs(minor % factor);
        String sign = minor < 0 ? "-" : "";
        String whole = NumberFormat.getIntegerInstance(language.locale()).format(major);
        return digits == 0 ? sign + whole : sign + whole + "." + String.format(Locale.ROOT, "%0" + digits + "d", rest);
    }

    /** Money with its unit from the bundle ({@code money.CNY}, else {@code money.other}). */
    static String money(Money money, PageText text) {
        String currency = money.currency() == null ? "CNY" : money.currency();
        String amount = amount(money.fen(), currency, text.language());
        return text.find("money." + currency, amount).orElseGet(() -> text.get("money.other", amount, currency));
    }

    static String date(LocalDate date, Language language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).format(date);
    }

    static String dateTime(Instant instant, Language language) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.locale()).format(instant.atZone(SHOWN_ZONE));
    }

    /** A country of manufacture: the bundle's name ({@code facet.country.XX}), else the JDK's, else the code. */
    static String country(String code, PageText text) {
        String c = code.strip().toUpperCase(Locale.ROOT);
        return text.find("facet.country." + c).orElseGet(() -> {
            String name = Locale.of("", c).getDisplayCountry(text.language().locale());
            return name.isBlank() ? c : name;
        });
    }

    /** Kilometres with one decimal. */
    static String km(double km, Language language) {
        NumberFormat f = NumberFormat.getNumberInstance(language.locale());
        f.setMaximumFractionDigits(1);
        f.setMinimumFractionDigits(1);
        return f.format(km);
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
