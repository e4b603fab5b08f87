package cn.dayi.marketplace.account;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.mail.BilingualText;
import cn.dayi.marketplace.mail.Mail;
import cn.dayi.marketplace.mail.MailOutbox;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Enterprise self-registration and real-name verification (实名认证): an enterprise registers with its
 * unified social credit code and a first member (BUYER_MEMBER) in one transaction and starts
 * {@code PENDING}; a platform admin verifies it or rejects it with a reason. Only VERIFIED
 * organisations can order. Organisations created by an admin are VERIFIED from the start. The
 * decision (with the reason of a rejection) is mailed to the organisation's BUYER_MEMBERs, queued in
 * the deciding transaction.
 *
 * <p>Errors: 400 {@code CREDIT_CODE_INVALID} (length, alphabet or check character, see
 * {@link CreditCode}), {@code NAME_REQUIRED}, {@code EMAIL_INVALID}, {@code PASSWORD_TOO_SHORT},
 * {@code UNKNOWN_REGION}, {@code REASON_REQUIRED}; 409 {@code CREDIT_CODE_TAKEN}, {@code EMAIL_TAKEN}.
 * Nothing is saved unless everything is valid.
 */
@Singleton
public class Registrations {

    /** A registration as submitted. */
    @Serdeable
    public record Registration(@Nullable String organisationName, @Nullable String creditCode,
                               @Nullable String regionCode, @Nullable String email, @Nullable String displayName,
                               @Nullable String password) {
    }

    /** What was created; {@code verification} is PENDING until an admin decides. */
    @Serdeable
    public record Registered(long organisationId, long personId, String verification) {
    }

    /** Where an organisation stands. */
    @Serdeable
    public record Verification(long organisationId, String name, String creditCode, String verification, String note) {
    }

    private final Jdbc jdbc;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final MailOutbox outbox;
    private final BilingualText text;

    public Registrations(Jdbc jdbc, PasswordHasher hasher, Clock clock, MailOutbox outbox, BilingualText text) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.clock = clock;
        this.outbox = outbox;
        this.text = text;
    }

    public Registered register(Registration r) {
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (r.organisationName() == null || r.organisationName().isBlank()) {
            errors.add(new ApiException.FieldError("organisationName", "NAME_REQUIRED", "Give the enterprise's registered name."));
        }
        String code = null;
        try {
            code = CreditCode.validate("creditCode", r.creditCode());
        } catch (ApiException.ValidationFailed e) {
            errors.addAll(e.errors());
        }
        errors.addAll(Accounts.problems(r.email(), r.displayName(), r.password()));
        if (!errors.isEmpty()) {
            throw ApiException.ValidationFailed.of(errors);
        }
        String creditCode = code;
        String hash = hasher.hash(r.password());
        try {
            return jdbc.write(c -> {
                long org = Jdbc.insert(c, """
                        INSERT INTO organisation (name_zh, kind, region_code, source, source_id, credit_code, verification)
                        VALUES (?, 'ENTERPRISE', ?, 'registration', ?, ?, 'PENDING')""", r.organisationName().strip(),
                        r.regionCode() == null || r.regionCode().isBlank() ? null : r.regionCode().strip(), creditCode,
                        creditCode);
                long person = AccountStore.insertPerson(c, Accounts.normalise(r.email()), r.displayName().strip(), hash);
                AccountStore.grant(c, person, org, Role.BUYER_MEMBER, null);
                return new Registered(org, person, "PENDING");
            });
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("uq_organisation_credit_code") || e.violates("uq_organisation_source")) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "CREDIT_CODE_TAKEN",
                        "An organisation with the credit code " + creditCode + " is registered already; ask its members "
                                + "to invite you.");
            }
            if (e.violates("uq_person_email")) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "EMAIL_TAKEN",
                        "An account with the e-mail " + Accounts.normalise(r.email()) + " already exists.");
            }
            if (e.violates("fk_organisation_region")) {
                throw new ApiException.ValidationFailed("regionCode", "UNKNOWN_REGION",
                        "Region code '" + r.regionCode() + "' is not known to the platform.");
            }
            throw e;
        }
    }

    /** Organisations waiting for verification (PENDING), oldest first, with who registered them. */
    public List<Pending> pending() {
        return jdbc.read(c -> Jdbc.list(c, """
                SELECT o.id, o.name_zh, o.credit_code, o.region_code, o.created_at AS registered_at,
                       (SELECT p.email FROM membership m JOIN person p ON p.id = m.person_id
                        WHERE m.organisation_id = o.id ORDER BY m.person_id LIMIT 1) AS registrant
                FROM organisation o WHERE o.verification = 'PENDING' ORDER BY o.created_at, o.id""",
                rs -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Jdbc.instant(rs, "registered_at"), rs.getString(6))));
    }

    /** An organisation waiting for verification. */
    @Serdeable
    public record Pending(long organisationId, String name, String creditCode, String regionCode,
                          java.time.Instant registeredAt, String registrantEmail) {
    }

    /** A platform admin verifies ({@code approve}) or rejects (with {@code reason}) an organisation. */
    public Verification decide(Actor admin, long organisationId, boolean approve, String reason) {
        admin.requireRole(Role.PLATFORM_ADMIN);
        if (!approve && (reason == null || reason.isBlank())) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED",
                    "Say why the organisation is rejected; its members will read it.");
        }
        String decision = approve ? "VERIFIED" : "REJECTED";
        String note = approve ? null : reason.strip();
        int n = jdbc.write(c -> {
            int changed = Jdbc.update(c, """
                    UPDATE organisation SET verification = ?, verification_note = ?, verified_by = ?, verified_at = ?
                    WHERE id = ?""", decision, note, admin.personId(), clock.instant(), organisationId);
            if (changed > 0) {
                tellMembers(c, organisationId, decision, note);
            }
            return changed;
        });
        if (n == 0) {
            throw new ApiException.NotFound("ORGANISATION_NOT_FOUND", "There is no organisation with id " + organisationId + ".");
        }
        return status(organisationId);
    }

    /** Mails the decision (with the reason) to the organisation's members, in the deciding transaction. */
    private void tellMembers(java.sql.Connection c, long organisationId, String decision, String note)
            throws java.sql.SQLException {
        String name = Jdbc.one(c, "SELECT name_zh FROM organisation WHERE id = ?", rs -> rs.getString(1), organisationId)
                .orElse("");
        String signIn = outbox.baseUrl() + "/sign-in";
        String why = note == null ? "" : note;
        String subject = text.subject(text.get(BilingualText.Lang.ZH, "verify.subject." + decision, name),
                text.get(BilingualText.Lang.EN, "verify.subject." + decision, name));
        String body = text.body(text.get(BilingualText.Lang.ZH, "verify.body." + decision, name, signIn, why),
                text.get(BilingualText.Lang.EN, "verify.body." + decision, name, signIn, why));
        for (String email : Jdbc.list(c, "SELECT DISTINCT p.email FROM membership m JOIN person p ON p.id = m.person_id "
                + "WHERE m.organisation_id = ? AND m.role = ? AND p.active", rs -> rs.getString(1), organisationId,
                Role.BUYER_MEMBER)) {
            outbox.enqueue(c, Mail.of(email, subject, body, null));
        }
    }

    public Verification status(long organisationId) {
        return jdbc.read(c -> Jdbc.one(c, "SELECT id, name_zh, credit_code, verification, verification_note "
                        + "FROM organisation WHERE id = ?",
                rs -> new Verification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                organisationId)).orElseThrow(() -> new ApiException.NotFound("ORGANISATION_NOT_FOUND",
                "There is no organisation with id " + organisationId + "."));
    }

    /** 422 {@code ORGANISATION_NOT_VERIFIED} unless the organisation is VERIFIED. */
    public void requireVerified(long organisationId) {
        Verification v = status(organisationId);
        if (!"VERIFIED".equals(v.verification())) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "ORGANISATION_NOT_VERIFIED",
                    v.name() + " is not verified yet (" + v.verification() + (v.note() == null ? "" : ": " + v.note())
                            + "); a platform admin verifies an enterprise before it can order.");
        }
    }
}
