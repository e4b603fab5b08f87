package cn.dayi.marketplace.ledger;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount of money: {@code fen} minor units (1 元 = 100 fen; for other currencies their minor
 * unit) and an ISO 4217 currency code. Never a floating-point number.
 *
 * @param fen      signed amount in minor units
 * @param currency ISO 4217 code, three capital letters (CNY)
 */
@Serdeable
public record Money(long fen, String currency) {

    /** The platform's currency. */
    public static final String CNY = "CNY";
    private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

    /** Validates the currency code. */
    public Money {
        if (currency == null || !ISO.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code, got " + currency);
        }
    }

    public static Money cny(long fen) {
        return new Money(fen, CNY);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(fen, other.fen), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(fen, other.fen), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(fen), currency);
    }

    public boolean isZero() {
        return fen == 0;
    }

    /** E.g. {@code CNY 1,323.22}. */
    @Override
    public String toString() {
        long abs = Math.abs(fen);
        return String.format(Locale.ROOT, "%s %s%,d.%02d", currency, fen < 0 ? "-" : "", abs / 100, abs % 100);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
        }
    }
}
