package cn.dayi.marketplace.voucher;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
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
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Claims on the fiscal fund. A REDEMPTION claim (兑付): an operator's manager or finance staff
 * claim the voucher parts of the operator's orders completed in one month (Asia/Shanghai) under one
 * programme; each captured voucher is claimed once (its row is bound to the claim under a row lock).
 * A SUBSIDY claim (先缴后补) is made by the platform when an order under a subsidy programme completes
 * ({@link VoucherHolds}). Only what a voucher still pays is claimed ({@code amount_fen}: refunds give their voucher
 * part back to the grant), and not while a card refund that gives part of it back is still under way at Stripe.
 * The fiscal officer approves (the fiscal fund then owes the claimant:
 * {@link ClaimDecided} is where the ledger posts the payable) or rejects with a reason (a rejected
 * redemption frees its vouchers to be claimed again; a rejected subsidy returns to the grant).
 *
 * <p>Errors: 403 {@code FORBIDDEN}; 404 {@code CLAIM_NOT_FOUND}, {@code PROGRAMME_NOT_FOUND}; 400
 * {@code PERIOD_INVALID}, {@code PROGRAMME_REQUIRED}, {@code REASON_REQUIRED}; 422 {@code
 * NOTHING_TO_CLAIM}; 409 {@code CLAIM_DECIDED}.
 */
@Singleton
public class VoucherClaims {

    private final Jdbc jdbc;
    private final Clock clock;
    private final List<ClaimDecided> listeners;

    VoucherClaims(Jdbc jdbc, Clock clock, List<ClaimDecided> listeners) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** A redemption claim to make: programme and month ({@code 2026-11}). */
    @Serdeable
    public record NewClaim(@Nullable Long programmeId, @Nullable String period) {
    }

    /**
     * A claim.
     *
     * @param kind        REDEMPTION (operator) or SUBSIDY (buyer enterprise)
     * @param claimantId  the operator or the enterprise
     * @param period      YYYY-MM of the completions claimed
     * @param amountFen   what the fiscal fund is asked to pay, fen
     * @param orderIds    the orders it covers
     * @param state       SUBMITTED, APPROVED, REJECTED
     */
    @Serdeable
    public record Claim(long id, String kind, long programmeId, String programmeName, long claimantId, String claimantName,
                        String period, long amountFen, String currency, int uses, List<Long> orderIds, String state,
                        Instant submittedAt, Instant decidedAt, String decisionNote) {
    }

    /** Claims the operator's unclaimed captured vouchers of one programme and month; 201 with the claim. */
    public Claim submit(Actor actor, long operatorId, NewClaim body) {
        requireOperatorMoney(actor, operatorId);
        if (body == null || body.programmeId() == null) {
            throw new ApiException.ValidationFailed("programmeId", "PROGRAMME_REQUIRED", "Say which programme's vouchers you claim.");
        }
        YearMonth period = period(body.period());
        long programmeId = body.programmeId();
        Instant from = period.atDay(1).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
        Instant to = period.plusMonths(1).atDay(1).atStartOfDay(ClockFactory.SHANGHAI).toInstant();
        Instant now = clock.instant();
        long id = jdbc.write(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM voucher_programme WHERE id = ?", programmeId) == 0) {
                throw new ApiException.NotFound("PROGRAMME_NOT_FOUND", "There is no voucher programme " + programmeId + ".");
            }
            List<long[]> uses = Jdbc.list(c, """
                    SELECT u.id, u.amount_fen FROM voucher_use u JOIN voucher_grant g ON g.id = u.grant_id
                    WHERE u.operator_id = ? AND u.kind = 'VOUCHER' AND u.state = 'CAPTURED' AND u.claim_id IS NULL
                      AND g.programme_id = ? AND u.captured_at >= ? AND u.captured_at < ?
                      AND NOT EXISTS (SELECT 1 FROM card_refund r WHERE r.order_id = u.order_id AND r.voucher_fen > 0
                        AND (r.status IN ('REQUESTED', 'PENDING') OR (r.status = 'SUCCEEDED' AND r.journal_id IS NULL)))
                    ORDER BY u.id FOR UPDATE""",
                    rs -> new long[] {rs.getLong(1), rs.getLong(2)}, operatorId, programmeId, from, to);
            if (uses.isEmpty()) {
                throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NOTHING_TO_CLAIM",
                        "No voucher of this programme on orders completed in " + period + " is left to claim.");
            }
            long amount = uses.stream().mapToLong(u -> u[1]).sum();
            long claim = Jdbc.insert(c, "INSERT INTO voucher_claim (kind, programme_id, claimant_id, period, amount_fen, uses, "
                    + "submitted_by, submitted_at) VALUES ('REDEMPTION', ?, ?, ?, ?, ?, ?, ?)", programmeId, operatorId,
                    period.toString(), amount, uses.size(), actor.personId(), now);
            for (long[] u : uses) {
                Jdbc.update(c, "UPDATE voucher_use SET claim_id = ? WHERE id = ? AND claim_id IS NULL", claim, u[0]);
            }
            return claim;
        });
        return jdbc.read(c -> claim(c, id));
    }

    /** The operator's redemption claims, newest first; its manager and finance staff, platform admins, fiscal officers. */
    public List<Claim> ofOperator(Actor actor, long operatorId) {
        if (!actor.hasRole(Role.FISCAL_OFFICER, Role.PLATFORM_ADMIN)) {
            requireOperatorMoney(actor, operatorId);
        }
        return jdbc.read(c -> claims(c, "c.kind = 'REDEMPTION' AND c.claimant_id = ?", operatorId));
    }

    /** All claims, optionally in one state, oldest first; fiscal officers and platform admins. */
    public List<Claim> list(Actor actor, String state) {
        requireFiscal(actor, false);
        if (state != null && !List.of("SUBMITTED", "APPROVED", "REJECTED").contains(state)) {
            throw new ApiException.ValidationFailed("state", "STATE_INVALID", "state is SUBMITTED, APPROVED or REJECTED.");
        }
        return state == null ? jdbc.read(c -> claims(c, "1 = ?", 1)) : jdbc.read(c -> claims(c, "c.state = ?", state));
    }

    /** The fiscal officer approves a SUBMITTED claim: the fiscal fund owes the claimant its amount. */
    public Claim approve(Actor actor, long id) {
        return decide(actor, id, true, null);
    }

    /** The fiscal officer rejects a SUBMITTED claim, saying why. */
    public Claim reject(Actor actor, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED", "Say why; the claimant will read it.");
        }
        return decide(actor, id, false, reason.strip());
    }

    private Claim decide(Actor actor, long id, boolean approve, String reason) {
        requireFiscal(actor, true);
        Instant now = clock.instant();
        jdbc.write(c -> {
            Claim before = claim(c, id);
            int n = Jdbc.update(c, "UPDATE voucher_claim SET state = ?, decided_by = ?, decided_at = ?, decision_note = ? "
                    + "WHERE id = ? AND state = 'SUBMITTED'", approve ? "APPROVED" : "REJECTED", actor.personId(), now,
                    reason, id);
            if (n == 0) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "CLAIM_DECIDED",
                        "Claim " + id + " is already " + before.state() + ".");
            }
            if (!approve) {
                if ("REDEMPTION".equals(before.kind())) {
                    Jdbc.update(c, "UPDATE voucher_use SET claim_id = NULL WHERE claim_id = ?", id);
                } else {
                    for (VoucherStore.UseRow u : Jdbc.list(c, "SELECT * FROM voucher_use WHERE claim_id = ?",
                            VoucherStore::useRow, id)) {
                        VoucherStore.release(c, u, "SUBSIDY_REJECTED", now);
                    }
                }
            }
            Claim decided = claim(c, id);
            for (ClaimDecided l : listeners) {
                l.onDecided(c, decided, now);
            }
            return null;
        });
        return jdbc.read(c -> claim(c, id));
    }

    private static Claim claim(Connection c, long id) throws SQLException {
        List<Claim> found = claims(c, "c.id = ?", id);
        if (found.isEmpty()) {
            throw new ApiException.NotFound("CLAIM_NOT_FOUND", "There is no voucher claim " + id + ".");
        }
        return found.get(0);
    }

    private static List<Claim> claims(Connection c, String where, Object arg) throws SQLException {
        List<Claim> rows = Jdbc.list(c, """
                SELECT c.*, p.name AS programme_name, p.currency, o.name_zh AS claimant_name
                FROM voucher_claim c JOIN voucher_programme p ON p.id = c.programme_id
                JOIN organisation o ON o.id = c.claimant_id WHERE\s""" + where + " ORDER BY c.id",
                rs -> new Claim(rs.getLong("id"), rs.getString("kind"), rs.getLong("programme_id"),
                        rs.getString("programme_name"), rs.getLong("claimant_id"), rs.getString("claimant_name"),
                        rs.getString("period"), rs.getLong("amount_fen"), rs.getString("currency"), rs.getInt("uses"),
                        List.of(), rs.getString("state"), Jdbc.instant(rs, "submitted_at"), Jdbc.instant(rs, "decided_at"),
                        rs.getString("decision_note")), arg);
        List<Claim> out = new java.util.ArrayList<>();
        for (Claim k : rows) {
            // a rejected redemption has let go of its orders; its history stays in the row's figures
            List<Long> orders = Jdbc.list(c, "SELECT order_id FROM voucher_use WHERE claim_id = ? ORDER BY order_id",
                    rs -> rs.getLong(1), k.id());
            out.add(new Claim(k.id(), k.kind(), k.programmeId(), k.programmeName(), k.claimantId(), k.claimantName(),
                    k.period(), k.amountFen(), k.currency(), k.uses(), orders, k.state(), k.submittedAt(), k.decidedAt(),
                    k.decisionNote()));
        }
        return out;
    }

    private YearMonth period(String text) {
        try {
            YearMonth p = YearMonth.parse(text == null ? "" : text.strip());
            if (p.isAfter(YearMonth.now(clock.withZone(ClockFactory.SHANGHAI)))) {
                throw new ApiException.ValidationFailed("period", "PERIOD_INVALID", "A claim is for a month that has begun.");
            }
            return p;
        } catch (DateTimeParseException e) {
            throw new ApiException.ValidationFailed("period", "PERIOD_INVALID", "Give the month as YYYY-MM, e.g. 2026-11.");
        }
    }

    private static void requireOperatorMoney(Actor actor, long operatorId) {
        if (!actor.hasRoleIn(operatorId, Role.OPERATOR_MANAGER, Role.OPERATOR_FINANCE)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Voucher claims of an operator are made by its manager or finance staff.");
        }
    }

    private static void requireFiscal(Actor actor, boolean decide) {
        boolean ok = decide ? actor.hasRole(Role.FISCAL_OFFICER) : actor.hasRole(Role.FISCAL_OFFICER, Role.PLATFORM_ADMIN);
        if (!ok) {
            throw new ApiException.Forbidden("FORBIDDEN", "Claims on the fiscal fund are decided by the fiscal officer.");
        }
    }
}
