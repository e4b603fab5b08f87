package cn.dayi.marketplace.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/**
 * How an instrument is booked: weekly opening hours (local time Asia/Shanghai) and the slot grid.
 *
 * @param slotMinutes    length of one slot: 15, 30 (default), 60, 120 or 240; bookings start and end on
 *                       the grid counted from each opening time
 * @param bufferMinutes  kept free after each booking, rounded up to whole slots (0 = none)
 * @param minNoticeHours a booking starts at least this many hours after it is made
 * @param maxAdvanceDays a booking starts at most this many days ahead
 * @param weekly         opening intervals; several per weekday allowed; none = not bookable
 */
@Serdeable
public record BookingRules(@Nullable Integer slotMinutes, @Nullable Integer bufferMinutes, @Nullable Integer minNoticeHours,
                           @Nullable Integer maxAdvanceDays, @Nullable List<Opening> weekly) {

    /**
     * One opening interval.
     *
     * @param weekday MONDAY … SUNDAY
     * @param opens   local opening time, e.g. 09:00
     * @param closes  local closing time, after {@code opens} on the same day
     */
    @Serdeable
    public record Opening(DayOfWeek weekday, LocalTime opens, LocalTime closes) {
    }

    /** These rules with the defaults filled in (30-minute slots, no buffer, 24 h notice, 60 days ahead). */
    public BookingRules withDefaults() {
        return new BookingRules(slotMinutes == null ? 30 : slotMinutes, bufferMinutes == null ? 0 : bufferMinutes,
                minNoticeHours == null ? 24 : minNoticeHours, maxAdvanceDays == null ? 60 : maxAdvanceDays,
                weekly == null ? List.of() : List.copyOf(weekly));
    }

    /** Whole slots of buffer after a booking. */
    int bufferSlots() {
        return (bufferMinutes + slotMinutes - 1) / slotMinutes;
    }
}
