package cn.dayi.pricing.quote;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Working hours of a shared instrument and the after-hours part of a booking.
 *
 * <p>Working hours are 08:30–17:30, Monday to Friday, Asia/Shanghai; everything else is after
 * hours (evenings, nights, whole weekends). Public holidays and adjusted working weekends
 * (调休) are not known here and count as ordinary days.
 */
public final class AfterHours {

    /** Time zone of working hours. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Start of the working day. */
    public static final LocalTime DAY_START = LocalTime.of(8, 30);
    /** End of the working day (exclusive). */
    public static final LocalTime DAY_END = LocalTime.of(17, 30);

    private AfterHours() {
    }

    /** @return how much of {@code window} lies outside working hours; between 0 and its length */
    public static Duration within(BookingWindow window) {
        ZonedDateTime start = window.start().withZoneSameInstant(ZONE);
        ZonedDateTime end = window.end().withZoneSameInstant(ZONE);
        Duration working = Duration.ZERO;
        for (LocalDate day = start.toLocalDate(); !day.isAfter(end.toLocalDate()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            ZonedDateTime from = max(start, day.atTime(DAY_START).atZone(ZONE));
            ZonedDateTime to = min(end, day.atTime(DAY_END).atZone(ZONE));
            if (to.isAfter(from)) {
                working = working.plus(Duration.between(from, to));
            }
        }
        return window.length().minus(working);
    }

    private static ZonedDateTime max(ZonedDateTime a, ZonedDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static ZonedDateTime min(ZonedDateTime a, ZonedDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
