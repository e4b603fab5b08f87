package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.account.Accounts;
import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The qualification register (资质/培训记录): the staff of the operator that holds an instrument
 * record that a person was trained on it and may self-operate it (自主上机) from the training date
 * to {@code validUntil} (dates Asia/Shanghai, both inclusive), and revoke that with a reason.
 * A {@link BookingMode#SELF_OPERATED} booking needs a qualification valid on the booked day.
 * <ul>
 *   <li>{@link #grant} — the holding operator's manager or technician (or a platform admin);</li>
 *   <li>{@link #ofOperator} — the operator's staff (and platform admins): its register;</li>
 *   <li>{@link #revoke} — the granting operator's manager or technician.</li>
 * </ul>
 * Errors: 404 {@code INSTRUMENT_NOT_FOUND}, {@code QUALIFICATION_NOT_FOUND}; 403 {@code FORBIDDEN};
 * 400 {@code PERSON_NOT_FOUND}, {@code DATES_INVALID}, {@code REASON_REQUIRED}; 422 {@code NO_OPERATOR};
 * 409 {@code ALREADY_REVOKED}.
 */
@Singleton
public class Qualifications {

    /**
     * One entry of the register.
     *
     * @param trainedOn  training date (Asia/Shanghai)
     * @param validUntil last day valid, inclusive
     * @param valid      unrevoked and {@code validUntil} not passed today
     * @param revokedAt  when revoked, or null
     */
    @Serdeable
    public record Qualification(long id, ServiceOrder.Ref instrument, ServiceOrder.Ref person, String personEmail,
                                long operatorId, LocalDate trainedOn, LocalDate validUntil, @Nullable String note,
                                String grantedByName, Instant grantedAt, @Nullable Instant revokedAt,
                                @Nullable String revokeReason, boolean valid) {
    }

    /** A qualification to grant: the person by e-mail; {@code validUntil} on or after {@code trainedOn}. */
    @Serdeable
    public record NewQualification(@Nullable String email, @Nullable LocalDate trainedOn, @Nullable LocalDate validUntil,
                                   @Nullable String note) {
    }

    private static final String SELECT = """
            SELECT q.*, i.code AS i_code, i.name AS i_name, p.display_name AS p_name, p.email AS p_email,
                   g.display_name AS g_name
            FROM instrument_qualification q JOIN instrument i ON i.id = q.instrument_id
            JOIN person p ON p.id = q.person_id JOIN person g ON g.id = q.granted_by
            """;

    private final Jdbc jdbc;
    private final Availability availability;
    private final Fleet fleet;
    private final Clock clock;

    Qualifications(Jdbc jdbc, Availability availability, Fleet fleet, Clock clock) {
        this.jdbc = jdbc;
        this.availability = availability;
        this.fleet = fleet;
        this.clock = clock;
    }

    /** Grants a qualification for the instrument; 201 with the entry. */
    public Qualification grant(Actor actor, String instrumentIdOrCode, NewQualification body) {
        BookingStore.Instrument instrument = availability.instrument(instrumentIdOrCode);
        long operatorId = fleet.custodianOf(instrument.id()).orElseThrow(() -> new ApiException.RuleViolation(
                HttpStatus.UNPROCESSABLE_ENTITY, "NO_OPERATOR", "No service operator holds instrument " + instrument.code()
                + ", so nobody can train users on it."));
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(operatorId, Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN)) {
            throw new ApiException.Forbidden("FORBIDDEN",
                    "Only the manager or a technician of the operator that holds this instrument grants qualifications.");
        }
        NewQualification b = body == null ? new NewQualification(null, null, null, null) : body;
        String email = Accounts.normalise(b.email());
        long personId = jdbc.read(c -> Jdbc.one(c, "SELECT id FROM person WHERE email = ?", rs -> rs.getLong(1), email))
                .orElseThrow(() -> new ApiException.ValidationFailed("email", "PERSON_NOT_FOUND",
                        "No one has an account with the e-mail '" + b.email() + "'; the user registers first."));
        if (b.trainedOn() == null || b.validUntil() == null || b.validUntil().isBefore(b.trainedOn())) {
            throw new ApiException.ValidationFailed("validUntil", "DATES_INVALID",
                    "Give the training date and the last day the qualification is valid, on or after the training date.");
        }
        String note = b.note() == null || b.note().isBlank() ? null : b.note().strip();
        if (note != null && note.length() > 500) {
            throw new ApiException.ValidationFailed("note", "NOTE_TOO_LONG", "The note is at most 500 characters.");
        }
        Instant now = clock.instant();
        long id = jdbc.write(c -> Jdbc.insert(c, "INSERT INTO instrument_qualification (instrument_id, person_id, operator_id, "
                + "trained_on, valid_until, note, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", instrument.id(),
                personId, operatorId, b.trainedOn(), b.validUntil(), note, actor.personId(), now));
        return jdbc.read(c -> find(c, id)).orElseThrow();
    }

    /** The register of an operator, newest first; its staff and platform admins. */
    public List<Qualification> ofOperator(Actor actor, long operatorId) {
        if (!actor.isPlatformAdmin() && !actor.isOperatorStaff(operatorId)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the operator's own staff see its qualification register.");
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockFactory.SHANGHAI));
        return jdbc.read(c -> Jdbc.list(c, SELECT + " WHERE q.operator_id = ? ORDER BY q.granted_at DESC, q.id DESC",
                rs -> row(rs, today), operatorId));
    }

    /** Revokes a qualification with a reason; 409 {@code ALREADY_REVOKED} the second time. */
    public Qualification revoke(Actor actor, long id, @Nullable String reason) {
        Qualification q = jdbc.read(c -> find(c, id)).orElseThrow(() -> notFound(id));
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(q.operatorId(), Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN)) {
            if (actor.isOperatorStaff(q.operatorId())) {
                throw new ApiException.Forbidden("FORBIDDEN", "Only the operator's manager or a technician revokes qualifications.");
            }
            throw notFound(id);
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null || why.length() > 500) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED", "Say why (up to 500 characters); the user will read it.");
        }
        Instant now = clock.instant();
        int n = jdbc.write(c -> Jdbc.update(c, "UPDATE instrument_qualification SET revoked_at = ?, revoked_by = ?, "
                + "revoke_reason = ? WHERE id = ? AND revoked_at IS NULL", now, actor.personId(), why, id));
        if (n == 0) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "ALREADY_REVOKED", "This qualification was already revoked.");
        }
        return jdbc.read(c -> find(c, id)).orElseThrow();
    }

    /** True when the person holds an unrevoked qualification for the instrument valid on {@code day}. */
    boolean holds(long personId, long instrumentId, LocalDate day) {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM instrument_qualification WHERE person_id = ? AND "
                + "instrument_id = ? AND revoked_at IS NULL AND trained_on <= ? AND valid_until >= ?", personId, instrumentId,
                day, day)) > 0;
    }

    private Optional<Qualification> find(Connection c, long id) throws SQLException {
        LocalDate today = LocalDate.now(clock.withZone(ClockFactory.SHANGHAI));
        return Jdbc.one(c, SELECT + " WHERE q.id = ?", rs -> row(rs, today), id);
    }

    private static Qualification row(java.sql.ResultSet rs, LocalDate today) throws SQLException {
        Instant revoked = Jdbc.instant(rs, "revoked_at");
        LocalDate until = Jdbc.date(rs, "valid_until");
        return new Qualification(rs.getLong("id"), new ServiceOrder.Ref(rs.getLong("instrument_id"), rs.getString("i_code"),
                rs.getString("i_name")), new ServiceOrder.Ref(rs.getLong("person_id"), null, rs.getString("p_name")),
                rs.getString("p_email"), rs.getLong("operator_id"), Jdbc.date(rs, "trained_on"), until,
                rs.getString("note"), rs.getString("g_name"), Jdbc.instant(rs, "granted_at"), revoked,
                rs.getString("revoke_reason"), revoked == null && !until.isBefore(today));
    }

    private static ApiException notFound(long id) {
        return new ApiException.NotFound("QUALIFICATION_NOT_FOUND", "There is no qualification " + id + " that you can see.");
    }
}
