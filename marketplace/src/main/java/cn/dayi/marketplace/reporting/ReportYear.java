package cn.dayi.marketplace.reporting;

import cn.dayi.marketplace.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar year (Asia/Shanghai) a yearly report covers: the {@code year} parameter's default, its check and its
 * bounds as instants. Errors: 400 {@code YEAR_INVALID} outside 2000–2100.
 */
public final class ReportYear {

    /** Reports count months and years in Shanghai time, whatever time zone the server or database session has. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ReportYear() {
    }

    /** {@code year}, or the current year in Asia/Shanghai when it is not given (not yet checked). */
    public static int orCurrent(Integer year, Clock clock) {
        return year != null ? year : LocalDate.now(clock.withZone(SHANGHAI)).getYear();
    }

    /** {@code year} when it lies in 2000–2100; 400 {@code YEAR_INVALID} otherwise. */
    public static int check(int year) {
        if (year < 2000 || year > 2100) {
            throw new ApiException.ValidationFailed("year", "YEAR_INVALID", "Give a calendar year between 2000 and 2100.");
        }
        return year;
    }

    /** The first instant of the year in Asia/Shanghai (inclusive). */
    public static Instant start(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(SHANGHAI).toInstant();
    }

    /** The first instant of the next year in Asia/Shanghai (exclusive end of the year). */
    public static Instant end(int year) {
        return start(year + 1);
    }

    /** The month of an instant in Asia/Shanghai, {@code yyyy-MM}. */
    public static String month(Instant at) {
        return MONTH.format(at);
    }

    private static final java.time.format.DateTimeFormatter MONTH =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM").withZone(SHANGHAI);
}
