package cn.dayi.pricing.quote;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * The booked machine time, used to find its after-hours share.
 *
 * <p>Errors: {@link PricingException} {@code INVALID_TIME_WINDOW} or {@code MISSING_VALUE}.
 *
 * @param start first instant, any zone (converted to Asia/Shanghai by {@link AfterHours})
 * @param end   instant after the last one (exclusive), after {@code start}, at most 366 days later
 */
public record BookingWindow(ZonedDateTime start, ZonedDateTime end) {

    /** Longest window accepted. */
    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    /** Validates the window. */
    public BookingWindow {
        PricingException.require(start, "start");
        PricingException.require(end, "end");
        if (!end.isAfter(start)) {
            throw new PricingException(Code.INVALID_TIME_WINDOW, "end",
                    "A booking must end after it starts; got " + start + " to " + end + ".");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new PricingException(Code.INVALID_TIME_WINDOW, "end",
                    "A booking may last at most 366 days; got " + start + " to " + end + ".");
        }
    }

    /** @return end − start */
    public Duration length() {
        return Duration.between(start, end);
    }
}
