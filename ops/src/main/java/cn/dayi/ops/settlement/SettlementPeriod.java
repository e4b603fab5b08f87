package cn.dayi.ops.settlement;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A settlement period: one calendar month in Asia/Shanghai, written {@code YYYY-MM}. A business
 * date, always explicit: a run is for a named period, never for "now" (the monthly job derives
 * the previous month from its scheduled fire time).
 */
public record SettlementPeriod(YearMonth month) implements Comparable<SettlementPeriod> {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    public SettlementPeriod {
        if (month == null) {
            throw new IllegalArgumentException("a settlement period needs a month");
        }
    }

    /** {@code 2026-10} → October 2026; anything else is an {@link IllegalArgumentException} that says what is expected. */
    public static SettlementPeriod parse(String text) {
        try {
            return new SettlementPeriod(YearMonth.parse(text == null ? "" : text.trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a settlement period is a month written YYYY-MM, e.g. 2026-10, not '" + text + "'");
        }
    }

    /** The month before the one that contains {@code instant} in Asia/Shanghai (what the monthly job settles). */
    public static SettlementPeriod monthBefore(Instant instant) {
        return new SettlementPeriod(YearMonth.from(instant.atZone(ZONE)).minusMonths(1));
    }

    /** First instant of the period: the 1st, 00:00 Asia/Shanghai. */
    public Instant start() {
        return month.atDay(1).atStartOfDay(ZONE).toInstant();
    }

    /** First instant after the period (exclusive end). */
    public Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant();
    }

    /** True when the period is over at {@code now}: only closed periods are settled. */
    public boolean isClosedAt(Instant now) {
        return !now.isBefore(end());
    }

    @Override
    public int compareTo(SettlementPeriod o) {
        return month.compareTo(o.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
