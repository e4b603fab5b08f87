package cn.dayi.marketplace.voucher;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Registrations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.marketplace.web.ApiException.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Voucher programmes and the quota granted from them, set by the fiscal officer (FISCAL_OFFICER in
 * any organisation; platform admins may read). Money is fen, shares basis points, dates Asia/Shanghai.
 *
 * <p>A grant takes its amount from the programme's budget with one conditional UPDATE ({@code
 * budget_fen - granted_fen >= amount}), so concurrent grants never overdraw it; granting the same
 * enterprise again tops its grant up. Only VERIFIED organisations receive grants.
 *
 * <p>Errors: 403 {@code FORBIDDEN}; 404 {@code PROGRAMME_NOT_FOUND}, {@code ORGANISATION_NOT_FOUND};
 * 400 {@code VALIDATION_FAILED} with field errors ({@code NAME_REQUIRED}, {@code TYPE_REQUIRED},
 * {@code BUDGET_INVALID}, {@code WINDOW_INVALID}, {@code COVER_INVALID}, {@code CAP_INVALID},
 * {@code REGIONS_REQUIRED}, {@code REGION_UNKNOWN}, {@code CATEGORY_UNKNOWN}, {@code INSTRUMENT_UNKNOWN},
 * {@code AMOUNT_INVALID}, {@code VALID_UNTIL_INVALID}); 422 {@code ORGANISATION_NOT_VERIFIED},
 * {@code PROGRAMME_ENDED}, {@code BUDGET_EXCEEDED}, {@code GRANT_EXPIRED}.
 */
@Singleton
public class Programmes {

    private final Jdbc jdbc;
    private final Registrations registrations;
    private final Clock clock;

    Programmes(Jdbc jdbc, Registrations registrations, Clock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.clock = clock;
    }

    /**
     * A new programme.
     *
     * @param regions           ISSUING region codes (GB/T 2260; a city covers its districts), at least one
     * @param acceptingRegions  other regions whose operators accept the vouchers (cross-region use)
     * @param categories        eligible national categories; with {@code instrumentIds}, none = everything
     * @param instrumentIds     designated instruments (e.g. the 402 of a subsidy programme)
     * @param coverBp           STANDARD: the voucher pays at most this share of the order; SUBSIDY: the share
     *                          paid back (typically 1000–3000); 1–10000
     * @param fullCoverBelowFen STANDARD: orders under this may be paid wholly by voucher (e.g. 1,000,000 fen)
     */
    @Serdeable
    public record NewProgramme(@Nullable String name, @Nullable ProgrammeType type, @Nullable Long budgetFen,
                               @Nullable LocalDate validFrom, @Nullable LocalDate validUntil,
                               @Nullable List<String> regions, @Nullable List<String> acceptingRegions,
                               @Nullable List<String> categories, @Nullable List<Long> instrumentIds,
                               @Nullable Integer coverBp, @Nullable Long fullCoverBelowFen,
                               @Nullable Long perOrderCapFen, @Nullable Long yearlyCapFen) {
    }

    /**
     * A programme with its money: {@code grantedFen} given out as quota, of which {@code heldFen} is
     * held on open orders, {@code capturedFen} spent, {@code expiredFen} lapsed; {@code
     * remainingFen} = budget − granted can still be granted.
     */
    @Serdeable
    public record Programme(long id, String name, ProgrammeType type, long budgetFen, long grantedFen, long remainingFen,
                            long heldFen, long capturedFen, long expiredFen, String currency, LocalDate validFrom,
                            LocalDate validUntil, List<String> regions, List<String> acceptingRegions,
                            List<String> categories, List<Long> instrumentIds, int coverBp, Long fullCoverBelowFen,
                            Long perOrderCapFen, Long yearlyCapFen, Instant createdAt) {
    }

    /** Quota for an enterprise: {@code amountFen} &gt; 0; {@code validUntil} defaults to the programme's end. */
    @Serdeable
    public record NewGrant(@Nullable Long enterpriseId, @Nullable Long amountFen, @Nullable LocalDate validUntil) {
    }

    /** A grant and its balances; {@code availableFen} = quota − held − captured − expired. */
    @Serdeable
    public record Grant(long id, long programmeId, String programmeName, ProgrammeType programmeType, long enterpriseId,
                        String enterpriseName, long quotaFen, long heldFen, long capturedFen, long expiredFen,
                        long availableFen, String currency, LocalDate validUntil, String state, Instant grantedAt) {
    }

    public Programme create(Actor actor, NewProgramme body) {
        actor.requireRole(Role.FISCAL_OFFICER);
        NewProgramme p = body == null ? new NewProgramme(null, null, null, null, null, null, null, null, null, null, null,
                null, null) : body;
        List<FieldError> errors = new ArrayList<>();
        String name = p.name() == null ? "" : p.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("name", "NAME_REQUIRED", "Name the programme (1 to 200 characters)."));
        }
        if (p.type() == null) {
            errors.add(new FieldError("type", "TYPE_REQUIRED", "Say STANDARD (无感直兑) or POST_PAYMENT_SUBSIDY (先缴后补)."));
        }
        if (p.budgetFen() == null || p.budgetFen() <= 0) {
            errors.add(new FieldError("budgetFen", "BUDGET_INVALID", "Give the budget in fen, more than 0."));
        }
        if (p.validFrom() == null || p.validUntil() == null || p.validUntil().isBefore(p.validFrom())) {
            errors.add(new FieldError("validUntil", "WINDOW_INVALID", "Give validFrom and validUntil (dates), until not before from."));
        }
        if (p.coverBp() == null || p.coverBp() < 1 || p.coverBp() > 10_000) {
            errors.add(new FieldError("coverBp", "COVER_INVALID", "Give the share the voucher pays in basis points, 1 to 10000 "
                    + "(5000 = 50%)."));
        }
        for (var cap : List.of(new Object[] {"fullCoverBelowFen", p.fullCoverBelowFen()},
                new Object[] {"perOrderCapFen", p.perOrderCapFen()}, new Object[] {"yearlyCapFen", p.yearlyCapFen()})) {
            if (cap[1] != null && (Long) cap[1] <= 0) {
                errors.add(new FieldError((String) cap[0], "CAP_INVALID", "A limit is in fen and more than 0; leave it out for none."));
            }
        }
        List<String> regions = distinct(p.regions());
        List<String> accepting = distinct(p.acceptingRegions());
        accepting.removeAll(regions);
        List<String> categories = distinct(p.categories());
        List<Long> instruments = p.instrumentIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(p.instrumentIds()));
        if (regions.isEmpty()) {
            errors.add(new FieldError("regions", "REGIONS_REQUIRED", "Name at least one region whose vouchers these are."));
        }
        jdbc.read(c -> {
            for (String r : concat(regions, accepting)) {
                if (Jdbc.count(c, "SELECT COUNT(*) FROM region WHERE code = ?", r) == 0) {
                    errors.add(new FieldError("regions", "REGION_UNKNOWN", "There is no region " + r + "."));
                }
            }
            for (String k : categories) {
                if (Jdbc.count(c, "SELECT COUNT(*) FROM category WHERE code = ?", k) == 0) {
                    errors.add(new FieldError("categories", "CATEGORY_UNKNOWN", "There is no category " + k + "."));
                }
            }
            for (Long i : instruments) {
                if (i == null || Jdbc.count(c, "SELECT COUNT(*) FROM instrument WHERE id = ?", i) == 0) {
                    errors.add(new FieldError("instrumentIds", "INSTRUMENT_UNKNOWN", "There is no instrument " + i + "."));
                }
            }
            return null;
        });
        if (!errors.isEmpty()) {
            throw ApiException.ValidationFailed.of(errors);
        }
        Instant now = clock.instant();
        long id = jdbc.write(c -> {
            long pid = Jdbc.insert(c, """
                    INSERT INTO voucher_programme (name, type, budget_fen, valid_from, valid_until, cover_bp,
                      full_cover_below_fen, per_order_cap_fen, yearly_cap_fen, created_by, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", name, p.type(), p.budgetFen(), p.validFrom(),
                    p.validUntil(), p.coverBp(), p.fullCoverBelowFen(), p.perOrderCapFen(), p.yearlyCapFen(),
                    actor.personId(), now);
            for (String r : regions) {
                Jdbc.update(c, "INSERT INTO voucher_programme_region (programme_id, region_code, role) VALUES (?, ?, 'ISSUING')", pid, r);
            }
            for (String r : accepting) {
                Jdbc.update(c, "INSERT INTO voucher_programme_region (programme_id, region_code, role) VALUES (?, ?, 'ACCEPTING')", pid, r);
            }
            for (String k : categories) {
                Jdbc.update(c, "INSERT INTO voucher_programme_scope (programme_id, category_code) VALUES (?, ?)", pid, k);
            }
            for (Long i : instruments) {
                Jdbc.update(c, "INSERT INTO voucher_programme_scope (programme_id, instrument_id) VALUES (?, ?)", pid, i);
            }
            return pid;
        });
        return get(actor, id);
    }

    /** Every programme, newest first; fiscal officers and platform admins. */
    public List<Programme> list(Actor actor) {
        requireReader(actor);
        return jdbc.read(c -> {
            List<Programme> out = new ArrayList<>();
            for (long id : Jdbc.list(c, "SELECT id FROM voucher_programme ORDER BY id DESC", rs -> rs.getLong(1))) {
                out.add(programme(c, id));
            }
            return out;
        });
    }

    public Programme get(Actor actor, long id) {
        requireReader(actor);
        return jdbc.read(c -> programme(c, id));
    }

    /** Grants quota of programme {@code programmeId} to a verified enterprise (or tops its grant up). */
    public Grant grant(Actor actor, long programmeId, NewGrant body) {
        actor.requireRole(Role.FISCAL_OFFICER);
        Programme p = get(actor, programmeId);
        NewGrant g = body == null ? new NewGrant(null, null, null) : body;
        List<FieldError> errors = new ArrayList<>();
        if (g.enterpriseId() == null) {
            errors.add(new FieldError("enterpriseId", "ENTERPRISE_REQUIRED", "Say which organisation receives the quota."));
        }
        if (g.amountFen() == null || g.amountFen() <= 0) {
            errors.add(new FieldError("amountFen", "AMOUNT_INVALID", "Give the quota in fen, more than 0."));
        }
        LocalDate until = g.validUntil() == null ? p.validUntil() : g.validUntil();
        LocalDate today = LocalDate.now(clock.withZone(ClockFactory.SHANGHAI));
        if (until.isAfter(p.validUntil()) || until.isBefore(today)) {
            errors.add(new FieldError("validUntil", "VALID_UNTIL_INVALID", "A grant is valid until a day between today and "
                    + "the programme's end (" + p.validUntil() + ")."));
        }
        if (!errors.isEmpty()) {
            throw ApiException.ValidationFailed.of(errors);
        }
        registrations.requireVerified(g.enterpriseId()); // 404 ORGANISATION_NOT_FOUND, 422 ORGANISATION_NOT_VERIFIED
        if (p.validUntil().isBefore(today)) {
            throw rule("PROGRAMME_ENDED", "Programme " + p.name() + " ended on " + p.validUntil() + "; it grants no more quota.");
        }
        Instant now = clock.instant();
        long grantId = jdbc.write(c -> {
            int taken = Jdbc.update(c, "UPDATE voucher_programme SET granted_fen = granted_fen + ? "
                    + "WHERE id = ? AND budget_fen - granted_fen >= ?", g.amountFen(), programmeId, g.amountFen());
            if (taken == 0) {
                long left = Jdbc.count(c, "SELECT budget_fen - granted_fen FROM voucher_programme WHERE id = ?", programmeId);
                throw rule("BUDGET_EXCEEDED", "Programme " + p.name() + " has " + left + " fen left to grant; "
                        + g.amountFen() + " fen does not fit.");
            }
            if ("EXPIRED".equals(Jdbc.one(c, "SELECT state FROM voucher_grant WHERE programme_id = ? AND enterprise_id = ? "
                    + "FOR UPDATE", rs -> rs.getString(1), programmeId, g.enterpriseId()).orElse("ACTIVE"))) {
                throw rule("GRANT_EXPIRED", "This organisation's grant of programme " + p.name() + " has expired; "
                        + "it cannot be topped up.");
            }
            Jdbc.update(c, """
                    INSERT INTO voucher_grant (programme_id, enterprise_id, quota_fen, valid_until, granted_by, granted_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON DUPLICATE KEY UPDATE quota_fen = quota_fen + VALUES(quota_fen),
                      valid_until = GREATEST(valid_until, VALUES(valid_until)), updated_at = VALUES(updated_at)""",
                    programmeId, g.enterpriseId(), g.amountFen(), until, actor.personId(), now, now);
            return Jdbc.count(c, "SELECT id FROM voucher_grant WHERE programme_id = ? AND enterprise_id = ?", programmeId,
                    g.enterpriseId());
        });
        return jdbc.read(c -> grants(c, "g.id = ?", grantId)).get(0);
    }

    /** The grants of a programme; fiscal officers and platform admins. */
    public List<Grant> grantsOf(Actor actor, long programmeId) {
        get(actor, programmeId);
        return jdbc.read(c -> grants(c, "g.programme_id = ?", programmeId));
    }

    /** The grants an organisation holds, with balances; its BUYER_MEMBERs, fiscal officers, platform admins. */
    public List<Grant> grantsOfOrganisation(Actor actor, long organisationId) {
        if (!actor.hasRoleIn(organisationId, Role.BUYER_MEMBER) && !actor.hasRole(Role.FISCAL_OFFICER, Role.PLATFORM_ADMIN)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the organisation's buyer members see its vouchers.");
        }
        return jdbc.read(c -> grants(c, "g.enterprise_id = ?", organisationId));
    }

    private static void requireReader(Actor actor) {
        if (!actor.hasRole(Role.FISCAL_OFFICER, Role.PLATFORM_ADMIN)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Voucher programmes are kept by the fiscal officer (FISCAL_OFFICER).");
        }
    }

    private static Programme programme(Connection c, long id) throws SQLException {
        if (Jdbc.count(c, "SELECT COUNT(*) FROM voucher_programme WHERE id = ?", id) == 0) {
            throw new ApiException.NotFound("PROGRAMME_NOT_FOUND", "There is no voucher programme " + id + ".");
        }
        List<String> issuing = Jdbc.list(c, "SELECT region_code FROM voucher_programme_region WHERE programme_id = ? "
                + "AND role = 'ISSUING' ORDER BY region_code", rs -> rs.getString(1), id);
        List<String> accepting = Jdbc.list(c, "SELECT region_code FROM voucher_programme_region WHERE programme_id = ? "
                + "AND role = 'ACCEPTING' ORDER BY region_code", rs -> rs.getString(1), id);
        List<String> categories = Jdbc.list(c, "SELECT category_code FROM voucher_programme_scope WHERE programme_id = ? "
                + "AND category_code IS NOT NULL ORDER BY category_code", rs -> rs.getString(1), id);
        List<Long> instruments = Jdbc.list(c, "SELECT instrument_id FROM voucher_programme_scope WHERE programme_id = ? "
                + "AND instrument_id IS NOT NULL ORDER BY instrument_id", rs -> rs.getLong(1), id);
        long[] sums = Jdbc.one(c, "SELECT COALESCE(SUM(held_fen), 0), COALESCE(SUM(captured_fen), 0), "
                + "COALESCE(SUM(expired_fen), 0) FROM voucher_grant WHERE programme_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, id).orElseThrow();
        return Jdbc.one(c, "SELECT * FROM voucher_programme WHERE id = ?", rs -> new Programme(id, rs.getString("name"),
                ProgrammeType.valueOf(rs.getString("type")), rs.getLong("budget_fen"), rs.getLong("granted_fen"),
                rs.getLong("budget_fen") - rs.getLong("granted_fen"), sums[0], sums[1], sums[2], rs.getString("currency"),
                Jdbc.date(rs, "valid_from"), Jdbc.date(rs, "valid_until"), issuing, accepting, categories, instruments,
                rs.getInt("cover_bp"), VoucherStore.nullableLong(rs, "full_cover_below_fen"),
                VoucherStore.nullableLong(rs, "per_order_cap_fen"), VoucherStore.nullableLong(rs, "yearly_cap_fen"),
                Jdbc.instant(rs, "created_at")), id).orElseThrow();
    }

    private static List<Grant> grants(Connection c, String where, Object arg) throws SQLException {
        return Jdbc.list(c, """
                SELECT g.*, p.name AS programme_name, p.type AS programme_type, p.currency, o.name_zh AS enterprise_name
                FROM voucher_grant g JOIN voucher_programme p ON p.id = g.programme_id
                JOIN organisation o ON o.id = g.enterprise_id WHERE\s""" + where + " ORDER BY g.id", Programmes::grantRow, arg);
    }

    private static Grant grantRow(ResultSet rs) throws SQLException {
        long quota = rs.getLong("quota_fen");
        long held = rs.getLong("held_fen");
        long captured = rs.getLong("captured_fen");
        long expired = rs.getLong("expired_fen");
        return new Grant(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("programme_name"),
                ProgrammeType.valueOf(rs.getString("programme_type")), rs.getLong("enterprise_id"),
                rs.getString("enterprise_name"), quota, held, captured, expired, quota - held - captured - expired,
                rs.getString("currency"), Jdbc.date(rs, "valid_until"), rs.getString("state"), Jdbc.instant(rs, "granted_at"));
    }

    private static List<String> distinct(List<String> in) {
        List<String> out = new ArrayList<>();
        if (in != null) {
            for (String s : in) {
                if (s != null && !s.isBlank() && !out.contains(s.strip())) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static ApiException rule(String code, String message) {
        return new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }
}
