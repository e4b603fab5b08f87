package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Incidents (故障): the staff of the operator that holds an instrument report a fault; from the
 * moment it is reported until it is resolved the calendar is blocked — {@link Availability#free}
 * offers no time from {@code reportedAt} on and {@link Bookings#book} refuses with 422
 * {@code INSTRUMENT_INCIDENT}. Orders already made are not touched; the operator handles them.
 * <ul>
 *   <li>{@link #report}, {@link #resolve} — the holding operator's manager or technician (or a platform admin);</li>
 *   <li>{@link #of} — anyone who may see the instrument's schedule: the holding operator's staff and platform admins.</li>
 * </ul>
 * Errors: 404 {@code INSTRUMENT_NOT_FOUND}, {@code INCIDENT_NOT_FOUND}; 403 {@code FORBIDDEN}; 400
 * {@code DESCRIPTION_REQUIRED}; 422 {@code NO_OPERATOR}; 409 {@code ALREADY_RESOLVED}.
 */
@Singleton
public class Incidents {

    /** One incident; open while {@code resolvedAt} is null. */
    @Serdeable
    public record Incident(long id, ServiceOrder.Ref instrument, String description, String reportedByName,
                           Instant reportedAt, @Nullable String resolvedByName, @Nullable Instant resolvedAt,
                           @Nullable String resolution) {
        public boolean open() {
            return resolvedAt == null;
        }
    }

    /** What went wrong (report) or what was done about it (resolve). */
    @Serdeable
    public record Description(@Nullable String description) {
    }

    private static final String SELECT = """
            SELECT n.*, i.code AS i_code, i.name AS i_name, r.display_name AS r_name, s.display_name AS s_name
            FROM instrument_incident n JOIN instrument i ON i.id = n.instrument_id
            JOIN person r ON r.id = n.reported_by LEFT JOIN person s ON s.id = n.resolved_by
            """;

    private final Jdbc jdbc;
    private final Availability availability;
    private final Fleet fleet;
    private final Clock clock;

    Incidents(Jdbc jdbc, Availability availability, Fleet fleet, Clock clock) {
        this.jdbc = jdbc;
        this.availability = availability;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** Reports a fault on the instrument; the calendar is blocked from now. 201 with the incident. */
    public Incident report(Actor actor, String instrumentIdOrCode, Description body) {
        BookingStore.Instrument instrument = availability.instrument(instrumentIdOrCode);
        requireFloorStaff(actor, instrument);
        String d = text(body);
        long id = jdbc.write(c -> Jdbc.insert(c, "INSERT INTO instrument_incident (instrument_id, description, reported_by, "
                + "reported_at) VALUES (?, ?, ?, ?)", instrument.id(), d, actor.personId(), clock.instant()));
        return jdbc.read(c -> find(c, id)).orElseThrow();
    }

    /** Resolves an open incident with what was done; the calendar opens again. */
    public Incident resolve(Actor actor, long id, Description body) {
        Incident found = jdbc.read(c -> find(c, id)).orElseThrow(() -> notFound(id));
        BookingStore.Instrument instrument = availability.instrument(Long.toString(found.instrument().id()));
        if (!actor.isPlatformAdmin() && !fleet.custodianOf(instrument.id()).map(actor::isOperatorStaff).orElse(false)) {
            throw notFound(id);
        }
        requireFloorStaff(actor, instrument);
        String d = text(body);
        int n = jdbc.write(c -> Jdbc.update(c, "UPDATE instrument_incident SET resolved_at = ?, resolved_by = ?, resolution = ?, "
                + "version = version + 1 WHERE id = ? AND resolved_at IS NULL", clock.instant(), actor.personId(), d, id));
        if (n == 0) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "ALREADY_RESOLVED", "This incident was already resolved.");
        }
        return jdbc.read(c -> find(c, id)).orElseThrow();
    }

    /** Incidents of the instrument, newest first ({@code openOnly}: unresolved ones). */
    public List<Incident> of(Actor actor, String instrumentIdOrCode, boolean openOnly) {
        BookingStore.Instrument instrument = availability.instrument(instrumentIdOrCode);
        if (!actor.isPlatformAdmin() && !fleet.custodianOf(instrument.id()).map(actor::isOperatorStaff).orElse(false)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the staff of the operator that holds this instrument see its incidents.");
        }
        return jdbc.read(c -> Jdbc.list(c, SELECT + " WHERE n.instrument_id = ?" + (openOnly ? " AND n.resolved_at IS NULL" : "")
                + " ORDER BY n.reported_at DESC, n.id DESC", Incidents::row, instrument.id()));
    }

    /** The earliest start of an open incident on the instrument, if any (blocks everything from then on). */
    static Optional<Instant> blockedFrom(Connection c, long instrumentId) throws SQLException {
        return Jdbc.one(c, "SELECT reported_at FROM instrument_incident WHERE instrument_id = ? AND resolved_at IS NULL "
                + "ORDER BY reported_at LIMIT 1", rs -> Jdbc.instant(rs, "reported_at"), instrumentId);
    }

    private void requireFloorStaff(Actor actor, BookingStore.Instrument instrument) {
        if (actor.isPlatformAdmin()) {
            return;
        }
        Optional<Long> holder = fleet.custodianOf(instrument.id());
        if (holder.isEmpty()) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NO_OPERATOR",
                    "No service operator holds instrument " + instrument.code() + ".");
        }
        if (!actor.hasRoleIn(holder.get(), Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN)) {
            throw new ApiException.Forbidden("FORBIDDEN",
                    "Only the manager or a technician of the operator that holds this instrument reports and resolves incidents.");
        }
    }

    private static String text(Description body) {
        String d = body == null || body.description() == null ? "" : body.description().strip();
        if (d.isEmpty() || d.length() > 1000) {
            throw new ApiException.ValidationFailed("description", "DESCRIPTION_REQUIRED",
                    "Describe the fault or what was done, 1 to 1,000 characters.");
        }
        return d;
    }

    private static Optional<Incident> find(Connection c, long id) throws SQLException {
        return Jdbc.one(c, SELECT + " WHERE n.id = ?", Incidents::row, id);
    }

    private static Incident row(java.sql.ResultSet rs) throws SQLException {
        return new Incident(rs.getLong("id"), new ServiceOrder.Ref(rs.getLong("instrument_id"), rs.getString("i_code"),
                rs.getString("i_name")), rs.getString("description"), rs.getString("r_name"), Jdbc.instant(rs, "reported_at"),
                rs.getString("s_name"), Jdbc.instant(rs, "resolved_at"), rs.getString("resolution"));
    }

    private static ApiException notFound(long id) {
        return new ApiException.NotFound("INCIDENT_NOT_FOUND", "There is no incident " + id + " that you can see.");
    }
}
