package cn.dayi.ops.settlement;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A party's monthly settlement statements and its answer to each: the owner (OWNER_ADMIN) or the operator
 * (OPERATOR_MANAGER, OPERATOR_FINANCE) of the statement's party approves it, or disputes it with a reason. Answers
 * are appended ({@code settlement_statement_review}); the latest is the statement's standing: OPEN (no answer yet),
 * APPROVED, DISPUTED. A disputed statement may be approved after the question is cleared; an approved one is final.
 * Platform admins read every party's statements (and see disputes) but do not answer for a party.
 *
 * <p>Errors: 404 {@code STATEMENT_NOT_FOUND} (also for statements of parties the caller does not belong to);
 * 409 {@code STATEMENT_ALREADY_APPROVED}; 400 {@code REASON_REQUIRED} (a dispute needs a reason, ≤ 1,000 characters).
 */
@Singleton
public class StatementReviews {

    /** Roles that answer for a party's statement (and see it). */
    public static final Set<Role> ANSWERING = Set.of(Role.OWNER_ADMIN, Role.OPERATOR_MANAGER, Role.OPERATOR_FINANCE);

    /** A statement line with the instrument's and operator's names. Money in fen (CNY), time in minutes. */
    @Serdeable
    public record Line(String role, long instrumentId, String instrumentCode, String instrumentName, long operatorId,
                       String operatorName, int ordersCount, long minutesUsed, long grossFen, long shareFen) {
    }

    /**
     * A statement as its party sees it.
     *
     * @param standing  OPEN, APPROVED or DISPUTED
     * @param reason    the reason of the latest dispute, or null
     * @param decidedBy who gave the latest answer (display name), or null
     */
    @Serdeable
    public record View(long id, long partyId, String partyName, String period, int ordersCount, long minutesUsed,
                       long grossFen, long shareFen, String standing, String reason, String decidedBy, Instant decidedAt,
                       List<Line> lines) {
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public StatementReviews(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The party's statements, newest period first. */
    public List<View> ofParty(Actor actor, long partyId) {
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(partyId, ANSWERING)) {
            throw notFound();
        }
        return jdbc.read(c -> Jdbc.list(c, "SELECT id FROM settlement_statement WHERE party_id = ? ORDER BY period DESC",
                rs -> view(c, rs.getLong(1)), partyId));
    }

    /** Statements whose latest answer is a dispute, for platform admins. */
    public List<View> disputed(Actor actor) {
        actor.requireRole(Role.PLATFORM_ADMIN);
        return jdbc.read(c -> Jdbc.list(c, """
                SELECT s.id FROM settlement_statement s
                JOIN settlement_statement_review r ON r.statement_id = s.id
                WHERE r.id = (SELECT MAX(id) FROM settlement_statement_review WHERE statement_id = s.id)
                  AND r.decision = 'DISPUTED' ORDER BY s.period DESC, s.party_id""", rs -> view(c, rs.getLong(1))));
    }

    public View get(Actor actor, long statementId) {
        View v = jdbc.read(c -> view(c, statementId));
        if (v == null || (!actor.isPlatformAdmin() && !actor.hasRoleIn(v.partyId(), ANSWERING))) {
            throw notFound();
        }
        return v;
    }

    public View approve(Actor actor, long statementId) {
        return answer(actor, statementId, "APPROVED", null);
    }

    public View dispute(Actor actor, long statementId, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED",
                    "Say what is wrong with the statement (at most 1,000 characters); the platform will look into it.");
        }
        return answer(actor, statementId, "DISPUTED", reason.strip());
    }

    private View answer(Actor actor, long statementId, String decision, String reason) {
        jdbc.write(c -> {
            Long party = Jdbc.one(c, "SELECT party_id FROM settlement_statement WHERE id = ? FOR UPDATE",
                    rs -> rs.getLong(1), statementId).orElseThrow(StatementReviews::notFound);
            if (!actor.hasRoleIn(party, ANSWERING)) {
                throw notFound();
            }
            if ("APPROVED".equals(latest(c, statementId).decision())) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "STATEMENT_ALREADY_APPROVED",
                        "This statement is approved already; an approved statement is final.");
            }
            Jdbc.update(c, "INSERT INTO settlement_statement_review (statement_id, decision, reason, decided_by, decided_at)"
                    + " VALUES (?, ?, ?, ?, ?)", statementId, decision, reason, actor.personId(), clock.instant());
            return null;
        });
        return get(actor, statementId);
    }

    /** The latest answer to a statement: APPROVED or DISPUTED, the dispute's reason, who and when. */
    private record Answer(String decision, String reason, String by, Instant at) {
        static final Answer NONE = new Answer("OPEN", null, null, null);
    }

    private static Answer latest(Connection c, long statementId) throws SQLException {
        return Jdbc.one(c, """
                SELECT r.decision, r.reason, p.display_name, r.decided_at FROM settlement_statement_review r
                JOIN person p ON p.id = r.decided_by WHERE r.statement_id = ? ORDER BY r.id DESC LIMIT 1""",
                rs -> new Answer(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "decided_at")),
                statementId).orElse(Answer.NONE);
    }

    private static View view(Connection c, long statementId) throws SQLException {
        Settlements.Statement s = Settlements.read(c, statementId);
        if (s == null) {
            return null;
        }
        String partyName = Jdbc.one(c, "SELECT name_zh FROM organisation WHERE id = ?", rs -> rs.getString(1), s.partyId())
                .orElse("");
        List<Line> lines = Jdbc.list(c, """
                SELECT l.role, l.instrument_id, i.code, i.name, l.operator_id, op.name_zh, l.orders_count, l.minutes_used,
                       l.gross_fen, l.share_fen
                FROM settlement_statement_line l
                JOIN instrument i ON i.id = l.instrument_id
                JOIN organisation op ON op.id = l.operator_id
                WHERE l.statement_id = ? ORDER BY l.role, i.code, l.operator_id""",
                rs -> new Line(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getInt(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)), statementId);
        Answer answer = latest(c, statementId);
        return new View(s.id(), s.partyId(), partyName, s.period(), s.ordersCount(), s.minutesUsed(), s.grossFen(),
                s.shareFen(), answer.decision(), answer.reason(), answer.by(), answer.at(), lines);
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("STATEMENT_NOT_FOUND", "There is no such statement that you may see.");
    }
}
