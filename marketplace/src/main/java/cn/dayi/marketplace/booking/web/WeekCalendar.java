package cn.dayi.marketplace.booking.web;

import cn.dayi.marketplace.booking.Availability;
import cn.dayi.marketplace.booking.Availability.FreeTime;
import cn.dayi.marketplace.time.ClockFactory;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * The free-slot calendar of an instrument as a page shows it: one week (Monday to Sunday, Asia/Shanghai)
 * of free slots from {@link Availability#free}, each a link to the booking page, with links to the
 * previous and next week — plain links, so it works without JavaScript.
 */
@Singleton
public class WeekCalendar {

    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("MM-dd");

    /** A free slot: its time of day, and the booking page for it. */
    public record Slot(String label, String start, String end, String href) {
    }

    /** One day of the week; {@code weekday} MONDAY … SUNDAY (for the bundle), {@code date} MM-dd. */
    public record Day(String weekday, String date, String isoDate, List<Slot> slots) {
    }

    /**
     * A week of free slots.
     *
     * @param bookable    false when the instrument has no opening hours (the calendar says so)
     * @param weekOf      ISO date of the Monday
     * @param prevHref    the previous week, or null when it lies wholly in the past
     * @param freeCount   free slots in the week
     */
    public record WeekView(String instrumentCode, boolean bookable, int slotMinutes, String weekOf, String weekEnd,
                           @Nullable String prevHref, String nextHref, List<Day> days, int freeCount) {
    }

    private final Availability availability;
    private final Clock clock;

    public WeekCalendar(Availability availability, Clock clock) {
        this.availability = availability;
        this.clock = clock;
    }

    /** The Monday of {@code week} (any ISO date in it), or of this week when absent or unreadable. */
    public LocalDate monday(@Nullable String week) {
        LocalDate day = LocalDate.now(clock.withZone(ClockFactory.SHANGHAI));
        if (week != null && !week.isBlank()) {
            try {
                day = LocalDate.parse(week.strip());
            } catch (DateTimeParseException ignored) {
                // an unreadable week shows this week
            }
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The week of free slots; {@code pageHref} is the page the week links go to (e.g.
     * {@code /instruments/DY…}), {@code anchor} the fragment they jump to.
     */
    public WeekView week(String idOrCode, @Nullable String week, String pageHref, String anchor) {
        LocalDate monday = monday(week);
        Instant from = monday.atStartOfDay(ClockFactory.SHANGHAI).toInstant();
        Instant to = monday.plusDays(7).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
        boolean bookable = availability.rulesOf(idOrCode).isPresent();
        FreeTime free = availability.free(idOrCode, from, to);
        Duration slot = Duration.ofMinutes(free.slotMinutes());
        List<Day> days = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < 7; i++) {
            LocalDate d = monday.plusDays(i);
            Instant dayStart = d.atStartOfDay(ClockFactory.SHANGHAI).toInstant();
            Instant dayEnd = d.plusDays(1).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
            List<Slot> slots = new ArrayList<>();
            for (Availability.FreeInterval f : free.free()) {
                for (Instant s = f.start(); !s.plus(slot).isAfter(f.end()); s = s.plus(slot)) {
                    if (!s.isBefore(dayStart) && s.isBefore(dayEnd)) {
                        Instant e = s.plus(slot);
                        slots.add(new Slot(HM.format(s.atZone(ClockFactory.SHANGHAI)) + "–"
                                + HM.format(e.atZone(ClockFactory.SHANGHAI)), s.toString(), e.toString(),
                                "/instruments/" + free.instrumentCode() + "/book?start=" + enc(s.toString()) + "&end="
                                        + enc(e.toString())));
                    }
                }
            }
            count += slots.size();
            days.add(new Day(d.getDayOfWeek().name(), MD.format(d), d.toString(), slots));
        }
        LocalDate thisMonday = monday(null);
        String prev = monday.isAfter(thisMonday) ? pageHref + "?week=" + monday.minusWeeks(1) + anchor : null;
        String next = pageHref + "?week=" + monday.plusWeeks(1) + anchor;
        return new WeekView(free.instrumentCode(), bookable, free.slotMinutes(), monday.toString(),
                monday.plusDays(6).toString(), prev, next, days, count);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
