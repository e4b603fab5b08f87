package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opening hours, blackouts and free time of instruments.
 * <ul>
 *   <li>{@link #free} (anyone): free intervals in a window of at most 62 days — weekly hours minus
 *       blackouts minus everything after an open {@link Incidents incident} minus held slots minus what the notice and the furthest advance rule out;</li>
 *   <li>{@link #setRules} (the holding operator's manager, or a platform admin) replaces the rules;</li>
 *   <li>{@link #addBlackout} (the holding operator's manager or technician, or a platform admin).
 *       A blackout does not cancel orders already made; the operator handles those.</li>
 * </ul>
 * Errors: 404 {@code INSTRUMENT_NOT_FOUND}; 403 {@code FORBIDDEN}; 400 {@code INVALID_WINDOW},
 * {@code WINDOW_TOO_LONG}, {@code SLOT_LENGTH_INVALID}, {@code HOURS_INVALID}, {@code HOURS_NOT_ON_GRID},
 * {@code BLACKOUT_REASON_INVALID}.
 */
@Singleton
public class Availability {

    static final Duration MAX_WINDOW = Duration.ofDays(62);
    private static final Set<Integer> SLOT_LENGTHS = Set.of(15, 30, 60, 120, 240);
    private static final Set<String> BLACKOUT_REASONS = Set.of("MAINTENANCE", "HOLIDAY", "INCIDENT");

    /** A free interval, UTC instants, end exclusive. */
    @Serdeable
    public record FreeInterval(Instant start, Instant end) {
    }

    /**
     * The free time of an instrument in a window.
     *
     * @param zone        the zone opening hours are given in (Asia/Shanghai)
     * @param slotMinutes bookings start and end on this grid, counted from each opening time
     * @param free        bookable intervals, in time order
     */
    @Serdeable
    public record FreeTime(long instrumentId, String instrumentCode, String zone, int slotMinutes, int bufferMinutes,
                           int minNoticeHours, int maxAdvanceDays, Instant from, Instant to, List<FreeInterval> free) {
    }

    /** A blackout to add; {@code reason} MAINTENANCE, HOLIDAY or INCIDENT. */
    @Serdeable
    public record NewBlackout(@Nullable Instant start, @Nullable Instant end, @Nullable String reason, @Nullable String note) {
    }

    private final Jdbc jdbc;
    private final Fleet fleet;
    private final Clock clock;

    public Availability(Jdbc jdbc, Fleet fleet, Clock clock) {
        this.jdbc = jdbc;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** Free intervals of the instrument in {@code [from, to)}; defaults: from now, for 7 days. */
    public FreeTime free(String idOrCode, @Nullable Instant from, @Nullable Instant to) {
        BookingStore.Instrument instrument = instrument(idOrCode);
        Instant now = clock.instant();
        Instant f = from == null ? now : from;
        Instant t = to == null ? f.plus(Duration.ofDays(7)) : to;
        if (!t.isAfter(f)) {
            throw new ApiException.ValidationFailed("to", "INVALID_WINDOW", "The window ends (to) after it starts (from).");
        }
        if (Duration.between(f, t).compareTo(MAX_WINDOW) > 0) {
            throw new ApiException.ValidationFailed("to", "WINDOW_TOO_LONG", "Ask for at most 62 days at a time.");
        }
        Optional<BookingRules> rules = rules(instrument.id());
        BookingRules r = rules.orElse(new BookingRules(null, null, null, null, List.of())).withDefaults();
        List<FreeInterval> free = List.of();
        if (rules.isPresent()) {
            SlotGrid grid = new SlotGrid(r, ClockFactory.SHANGHAI);
            Instant heldFrom = f.minus(Duration.ofDays(1));
            Instant heldTo = t.plus(Duration.ofDays(1));
            var held = jdbc.read(c -> BookingStore.held(c, instrument.id(), heldFrom, heldTo));
            List<SlotGrid.Span> blackouts = new ArrayList<>(jdbc.read(c -> BookingStore.blackouts(c, instrument.id(), f, t)));
            // an open incident blocks everything from its report on, until it is resolved
            jdbc.read(c -> Incidents.blockedFrom(c, instrument.id()))
                    .ifPresent(since -> blackouts.add(new SlotGrid.Span(since, t.plus(Duration.ofDays(1)))));
            free = grid.free(f, t, now, held, blackouts).stream().map(s -> new FreeInterval(s.start(), s.end())).toList();
        }
        return new FreeTime(instrument.id(), instrument.code(), ClockFactory.SHANGHAI.getId(), r.slotMinutes(),
                r.bufferMinutes(), r.minNoticeHours(), r.maxAdvanceDays(), f, t, free);
    }

    /** The booking rules of the instrument (anyone may read them); empty when it has none. */
    public Optional<BookingRules> rulesOf(String idOrCode) {
        return rules(instrument(idOrCode).id());
    }

    /** Replaces the booking rules of the instrument; see the class comment for who may. */
    public BookingRules setRules(Actor actor, String idOrCode, BookingRules body) {
        BookingStore.Instrument instrument = instrument(idOrCode);
        requireHolder(actor, instrument.id(), Role.OPERATOR_MANAGER);
        BookingRules r = validate(body == null ? new BookingRules(null, null, null, null, null) : body);
        jdbc.write(c -> {
            BookingStore.saveRules(c, instrument.id(), r, clock.instant());
            return null;
        });
        return rules(instrument.id()).orElseThrow();
    }

    /** Adds a blackout; returns its id. */
    public long addBlackout(Actor actor, String idOrCode, NewBlackout b) {
        BookingStore.Instrument instrument = instrument(idOrCode);
        requireHolder(actor, instrument.id(), Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN);
        if (b == null || b.start() == null || b.end() == null || !b.end().isAfter(b.start())) {
            throw new ApiException.ValidationFailed("end", "INVALID_WINDOW", "Give start and end, end after start.");
        }
        String reason = b.reason() == null ? "" : b.reason().strip().toUpperCase(java.util.Locale.ROOT);
        if (!BLACKOUT_REASONS.contains(reason)) {
            throw new ApiException.ValidationFailed("reason", "BLACKOUT_REASON_INVALID",
                    "The reason is MAINTENANCE, HOLIDAY or INCIDENT.");
        }
        String note = b.note() == null || b.note().isBlank() ? null : b.note().strip();
        if (note != null && note.length() > 500) {
            note = note.substring(0, 500);
        }
        String n = note;
        return jdbc.write(c -> BookingStore.addBlackout(c, instrument.id(), b.start(), b.end(), reason, n, actor.personId(),
                clock.instant()));
    }

    /** A blackout as the operator's schedule shows it; reason MAINTENANCE, HOLIDAY or INCIDENT. */
    @Serdeable
    public record Blackout(long id, Instant start, Instant end, String reason, @Nullable String note) {
    }

    /** Blackouts of the instrument overlapping {@code [from, to)}, in time order (the holder's schedule). */
    public List<Blackout> blackoutsOf(String idOrCode, Instant from, Instant to) {
        BookingStore.Instrument instrument = instrument(idOrCode);
        return jdbc.read(c -> Jdbc.list(c, "SELECT id, starts_at, ends_at, reason, note FROM instrument_blackout "
                + "WHERE instrument_id = ? AND starts_at < ? AND ends_at > ? ORDER BY starts_at", rs -> new Blackout(
                rs.getLong("id"), Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"), rs.getString("reason"),
                rs.getString("note")), instrument.id(), to, from));
    }

    /** The instrument's id, public code and name; 404 {@code INSTRUMENT_NOT_FOUND}. */
    public ServiceOrder.Ref describe(String idOrCode) {
        BookingStore.Instrument i = instrument(idOrCode);
        return new ServiceOrder.Ref(i.id(), i.code(), i.name());
    }

    Optional<BookingRules> rules(long instrumentId) {
        return jdbc.read(c -> BookingStore.rules(c, instrumentId)).map(BookingRules::withDefaults);
    }

    BookingStore.Instrument instrument(String idOrCode) {
        return jdbc.read(c -> BookingStore.instrument(c, idOrCode)).orElseThrow(() -> new ApiException.NotFound(
                "INSTRUMENT_NOT_FOUND", "There is no instrument with id or code '" + idOrCode + "'."));
    }

    private void requireHolder(Actor actor, long instrumentId, Role... roles) {
        if (actor.isPlatformAdmin()) {
            return;
        }
        Optional<Long> holder = fleet.custodianOf(instrumentId);
        if (holder.isEmpty() || !actor.hasRoleIn(holder.get(), roles)) {
            throw new ApiException.Forbidden("FORBIDDEN",
                    "Only the staff of the operator that holds this instrument may change when it can be booked.");
        }
    }

    private static BookingRules validate(BookingRules body) {
        BookingRules r = body.withDefaults();
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (!SLOT_LENGTHS.contains(r.slotMinutes())) {
            errors.add(new ApiException.FieldError("slotMinutes", "SLOT_LENGTH_INVALID",
                    "A slot is 15, 30, 60, 120 or 240 minutes."));
        }
        if (r.bufferMinutes() < 0 || r.bufferMinutes() > 480 || r.minNoticeHours() < 0 || r.minNoticeHours() > 24 * 60
                || r.maxAdvanceDays() < 1 || r.maxAdvanceDays() > 366) {
            errors.add(new ApiException.FieldError("bufferMinutes", "HOURS_INVALID", "Buffer 0–480 minutes, notice "
                    + "0–1,440 hours, furthest advance 1–366 days."));
        }
        for (BookingRules.Opening o : r.weekly()) {
            if (o == null || o.weekday() == null || o.opens() == null || o.closes() == null || !o.closes().isAfter(o.opens())) {
                errors.add(new ApiException.FieldError("weekly", "HOURS_INVALID",
                        "Each opening needs weekday, opens and closes, closing after opening on the same day."));
            } else if (SLOT_LENGTHS.contains(r.slotMinutes()) && (Duration.between(o.opens(), o.closes()).toMinutes()
                    % r.slotMinutes() != 0 || o.opens().getSecond() != 0 || o.closes().getSecond() != 0)) {
                errors.add(new ApiException.FieldError("weekly", "HOURS_NOT_ON_GRID", o.weekday() + " " + o.opens() + "–"
                        + o.closes() + " is not a whole number of " + r.slotMinutes() + "-minute slots."));
            }
        }
        List<BookingRules.Opening> sorted = r.weekly().stream().filter(o -> o != null && o.weekday() != null
                && o.opens() != null && o.closes() != null).sorted(java.util.Comparator
                .comparing(BookingRules.Opening::weekday).thenComparing(BookingRules.Opening::opens)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            BookingRules.Opening a = sorted.get(i - 1);
            BookingRules.Opening b = sorted.get(i);
            if (a.weekday() == b.weekday() && b.opens().isBefore(a.closes())) {
                errors.add(new ApiException.FieldError("weekly", "HOURS_INVALID",
                        "Openings on " + a.weekday() + " overlap (" + a.opens() + "–" + a.closes() + ", " + b.opens() + "–"
                                + b.closes() + ")."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.ValidationFailed.of(errors);
        }
        return r;
    }

}
