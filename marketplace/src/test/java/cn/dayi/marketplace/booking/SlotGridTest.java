package cn.dayi.marketplace.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.dayi.marketplace.web.ApiException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The slot grid: which bookings are allowed, which slots they hold, and what is free. */
class SlotGridTest {

    private static final ZoneId SH = ZoneId.of("Asia/Shanghai");
    /** A Monday. */
    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final Instant NOW = at(DAY.minusDays(5), 12, 0);

    private static Instant at(LocalDate d, int h, int m) {
        return LocalDateTime.of(d, LocalTime.of(h, m)).atZone(SH).toInstant();
    }

    /** Mondays 09:00–12:00 and 13:00–17:00, 30-minute slots, 30-minute buffer, 24 h notice, 30 days ahead. */
    private static SlotGrid grid() {
        return new SlotGrid(new BookingRules(30, 30, 24, 30, List.of(
                new BookingRules.Opening(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new BookingRules.Opening(DayOfWeek.MONDAY, LocalTime.of(13, 0), LocalTime.of(17, 0)))), SH);
    }

    private static String code(Runnable r) {
        return assertThrows(ApiException.class, r::run).code();
    }

    @Test
    void aBookingHoldsItsSlotsAndTheBufferAfterIt() {
        SlotGrid.Hold h = grid().check(at(DAY, 9, 0), at(DAY, 10, 0), NOW, List.of());
        assertEquals(List.of(at(DAY, 9, 0), at(DAY, 9, 30)), h.used());
        assertEquals(List.of(at(DAY, 10, 0)), h.buffer());
        // no buffer past closing time
        assertEquals(List.of(), grid().check(at(DAY, 11, 0), at(DAY, 12, 0), NOW, List.of()).buffer());
    }

    @Test
    void badRequestsHaveStableCodes() {
        SlotGrid g = grid();
        assertEquals("SLOT_IN_PAST", code(() -> g.check(at(DAY, 9, 0), at(DAY, 10, 0), at(DAY, 9, 30), List.of())));
        assertEquals("TOO_SHORT_NOTICE", code(() -> g.check(at(DAY, 9, 0), at(DAY, 10, 0), at(DAY.minusDays(1), 10, 0), List.of())));
        assertEquals("TOO_FAR_AHEAD", code(() -> g.check(at(DAY.plusWeeks(6), 9, 0), at(DAY.plusWeeks(6), 10, 0), NOW, List.of())));
        assertEquals("OUTSIDE_OPENING_HOURS", code(() -> g.check(at(DAY, 11, 30), at(DAY, 13, 30), NOW, List.of())));
        assertEquals("OUTSIDE_OPENING_HOURS", code(() -> g.check(at(DAY.plusDays(1), 9, 0), at(DAY.plusDays(1), 10, 0), NOW, List.of())));
        assertEquals("NOT_ON_SLOT_GRID", code(() -> g.check(at(DAY, 9, 10), at(DAY, 10, 10), NOW, List.of())));
        assertEquals("BLACKED_OUT", code(() -> g.check(at(DAY, 9, 0), at(DAY, 10, 0), NOW,
                List.of(new SlotGrid.Span(at(DAY, 9, 45), at(DAY, 11, 0))))));
    }

    @Test
    void freeTimeIsOpeningHoursMinusHeldSlotsBlackoutsAndTheBufferBeforeABooking() {
        // 10:00–10:30 held by someone (with its buffer 10:30–11:00); 14:00–15:00 blacked out
        Set<Instant> held = Set.of(at(DAY, 10, 0), at(DAY, 10, 30));
        List<SlotGrid.Span> free = grid().free(at(DAY, 0, 0), at(DAY.plusDays(1), 0, 0), NOW, held,
                List.of(new SlotGrid.Span(at(DAY, 14, 0), at(DAY, 15, 0))));
        assertEquals(List.of(
                // 09:00–10:00 is free, but a booking ending at 10:00 needs a 30-minute buffer: bookable up to 09:30
                new SlotGrid.Span(at(DAY, 9, 0), at(DAY, 9, 30)),
                new SlotGrid.Span(at(DAY, 11, 0), at(DAY, 12, 0)),
                new SlotGrid.Span(at(DAY, 13, 0), at(DAY, 14, 0)),
                new SlotGrid.Span(at(DAY, 15, 0), at(DAY, 17, 0))), free);
    }

    @Test
    void noticeAndFurthestAdvanceLimitFreeTime() {
        Instant now = at(DAY.minusDays(1), 10, 0); // 24 h notice → earliest 10:00 on DAY
        List<SlotGrid.Span> free = grid().free(at(DAY, 0, 0), at(DAY.plusDays(1), 0, 0), now, Set.of(), List.of());
        assertEquals(at(DAY, 10, 0), free.get(0).start());
        assertEquals(List.of(), grid().free(at(DAY.plusWeeks(6), 0, 0), at(DAY.plusWeeks(6).plusDays(1), 0, 0), now,
                Set.of(), List.of()));
    }
}
