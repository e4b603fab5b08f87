package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.web.ApiException;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The slot grid of one instrument (pure: no database, no clock). Opening intervals are local times
 * in {@code zone}; grid points start at each opening time and step by the slot length; a booking
 * covers the grid points in {@code [start, end)} and holds {@link BookingRules#bufferSlots()} more
 * after its end (within the same opening interval).
 */
final class SlotGrid {

    /** An interval of UTC instants, end exclusive. */
    record Span(Instant start, Instant end) {
        boolean overlaps(Instant s, Instant e) {
            return start.isBefore(e) && s.isBefore(end);
        }
    }

    /** The slots a booking holds: those it uses and the buffer after it, ascending. */
    record Hold(List<Instant> used, List<Instant> buffer) {
        List<Instant> all() {
            List<Instant> a = new ArrayList<>(used);
            a.addAll(buffer);
            return a;
        }
    }

    private final BookingRules rules;
    private final ZoneId zone;
    private final Duration slot;

    SlotGrid(BookingRules rules, ZoneId zone) {
        this.rules = rules.withDefaults();
        this.zone = zone;
        this.slot = Duration.ofMinutes(this.rules.slotMinutes());
    }

    BookingRules rules() {
        return rules;
    }

    /** The opening intervals of a local day, as instants, in time order. */
    List<Span> openOn(LocalDate day) {
        return rules.weekly().stream().filter(o -> o.weekday() == day.getDayOfWeek())
                .map(o -> new Span(ZonedDateTime.of(day, o.opens(), zone).toInstant(),
                        ZonedDateTime.of(day, o.closes(), zone).toInstant()))
                .sorted((a, b) -> a.start().compareTo(b.start())).toList();
    }

    /**
     * Checks a requested booking against time and grid and returns the slots it would hold.
     * Errors (422 unless said): {@code SLOT_IN_PAST}, {@code TOO_SHORT_NOTICE}, {@code TOO_FAR_AHEAD},
     * {@code OUTSIDE_OPENING_HOURS}, {@code NOT_ON_SLOT_GRID} (400), {@code BLACKED_OUT}.
     */
    Hold check(Instant start, Instant end, Instant now, List<Span> blackouts) {
        if (start.isBefore(now)) {
            throw rule("SLOT_IN_PAST", "The booking would start at " + local(start) + ", which has passed.");
        }
        if (start.isAfter(now.plus(Duration.ofDays(rules.maxAdvanceDays())))) {
            throw rule("TOO_FAR_AHEAD", "Bookings open at most " + rules.maxAdvanceDays() + " days ahead; "
                    + local(start) + " is further.");
        }
        if (start.isBefore(now.plus(Duration.ofHours(rules.minNoticeHours())))) {
            throw rule("TOO_SHORT_NOTICE", "This instrument needs " + rules.minNoticeHours()
                    + " hours' notice; the earliest start now is " + local(now.plus(Duration.ofHours(rules.minNoticeHours()))) + ".");
        }
        Span open = openInterval(start, end).orElseThrow(() -> rule("OUTSIDE_OPENING_HOURS", "The instrument is not open "
                + "for the whole of " + local(start) + " – " + local(end) + "; see its availability for opening hours."));
        if (Duration.between(open.start(), start).toMinutes() % rules.slotMinutes() != 0
                || Duration.between(open.start(), end).toMinutes() % rules.slotMinutes() != 0
                || Duration.between(open.start(), start).toNanos() % 60_000_000_000L != 0
                || Duration.between(open.start(), end).toNanos() % 60_000_000_000L != 0) {
            throw new ApiException.ValidationFailed("start", "NOT_ON_SLOT_GRID", "Bookings start and end on the "
                    + rules.slotMinutes() + "-minute grid counted from the opening time " + local(open.start()) + ".");
        }
        for (Span b : blackouts) {
            if (b.overlaps(start, end)) {
                throw rule("BLACKED_OUT", "The instrument is unavailable from " + local(b.start()) + " to "
                        + local(b.end()) + " (maintenance, holiday or incident).");
            }
        }
        List<Instant> used = new ArrayList<>();
        for (Instant t = start; t.isBefore(end); t = t.plus(slot)) {
            used.add(t);
        }
        List<Instant> buffer = new ArrayList<>();
        Instant t = end;
        for (int i = 0; i < rules.bufferSlots() && t.isBefore(open.end()); i++, t = t.plus(slot)) {
            buffer.add(t);
        }
        return new Hold(used, buffer);
    }

    /**
     * Free intervals in {@code [from, to)}: opening hours minus blackouts, minus held slots, minus
     * what the notice and the furthest advance rule out. A free run that ends where another booking
     * holds the next slot is shortened by the buffer, so every interval returned can be booked.
     */
    List<Span> free(Instant from, Instant to, Instant now, Set<Instant> held, List<Span> blackouts) {
        Instant earliest = now.plus(Duration.ofHours(rules.minNoticeHours()));
        Instant latest = now.plus(Duration.ofDays(rules.maxAdvanceDays()));
        List<Span> out = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Span open : openOn(day)) {
                Instant runStart = null;
                Instant runEnd = null;
                for (Instant q = open.start(); !q.plus(slot).isAfter(open.end()); q = q.plus(slot)) {
                    Instant p = q;
                    Instant pe = p.plus(slot);
                    boolean ok = !p.isBefore(from) && !pe.isAfter(to) && !p.isBefore(earliest) && !p.isAfter(latest)
                            && !held.contains(p) && blackouts.stream().noneMatch(b -> b.overlaps(p, pe));
                    if (ok) {
                        if (runStart == null) {
                            runStart = p;
                        }
                        runEnd = pe;
                    } else {
                        close(out, runStart, runEnd, held.contains(p));
                        runStart = null;
                    }
                }
                close(out, runStart, runEnd, false);
            }
        }
        return out;
    }

    private void close(List<Span> out, Instant start, Instant end, boolean nextHeld) {
        if (start == null) {
            return;
        }
        Instant e = nextHeld ? end.minus(slot.multipliedBy(rules.bufferSlots())) : end;
        if (e.isAfter(start)) {
            out.add(new Span(start, e));
        }
    }

    private Optional<Span> openInterval(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return Optional.empty();
        }
        LocalDate day = start.atZone(zone).toLocalDate();
        return openOn(day).stream().filter(o -> !start.isBefore(o.start()) && !end.isAfter(o.end())).findFirst();
    }

    private String local(Instant t) {
        return t.atZone(zone).toLocalDateTime().toString().replace('T', ' ');
    }

    private static ApiException rule(String code, String message) {
        return new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}
