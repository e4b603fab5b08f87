package cn.dayi.marketplace.account;

import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.mail.BilingualText;
import cn.dayi.marketplace.mail.BilingualText.Lang;
import cn.dayi.marketplace.mail.Mail;
import cn.dayi.marketplace.mail.MailOutbox;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Member invitations: a member invites a colleague by e-mail to join an organisation with a role.
 * Who may invite: a BUYER_MEMBER invites BUYER_MEMBERs of their organisation; anyone who may grant a
 * role ({@link StaffPolicy}: owner admins, operator managers, platform admins) invites to it. The mail
 * (queued in the transaction that saves the invitation) carries a one-time link with a random token
 * (256 bits, base64url); only its SHA-256 is stored. The invitation lasts {@link #VALID_FOR}; it is
 * accepted once: the invitee sets a name and password (a new account, Argon2id), or, when the e-mail
 * has an account already, proves it with that account's password, and gets the role.
 *
 * <p>Errors: 400 {@code EMAIL_INVALID}, {@code NAME_REQUIRED}, {@code PASSWORD_TOO_SHORT},
 * {@code PASSWORD_WRONG}; 403 {@code FORBIDDEN}; 404 {@code ORGANISATION_NOT_FOUND},
 * {@code INVITATION_NOT_FOUND}; 409 {@code ALREADY_MEMBER}; 410 {@code INVITATION_USED},
 * {@code INVITATION_EXPIRED}; 422 {@code ROLE_NOT_FOR_ORGANISATION}.
 */
@Singleton
public class Invitations {

    /** How long an invitation link works. */
    public static final Duration VALID_FOR = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockFactory.SHANGHAI);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * An invitation as its organisation sees it (never with the token).
     *
     * @param status PENDING, ACCEPTED or EXPIRED
     */
    @Serdeable
    public record Invitation(long id, long organisationId, String email, Role role, String status, Instant createdAt,
                             Instant expiresAt) {
    }

    /**
     * What the accept page shows about a valid token.
     *
     * @param existingAccount whether the e-mail has an account already (then the invitee gives its password)
     */
    @Serdeable
    public record Pending(String email, long organisationId, String organisationName, Role role, String invitedBy,
                          Instant expiresAt, boolean existingAccount) {
    }

    /** The outcome of an acceptance. */
    @Serdeable
    public record Accepted(long personId, String email, long organisationId, String organisationName, Role role) {
    }

    private final Jdbc jdbc;
    private final Organisations organisations;
    private final PasswordHasher hasher;
    private final MailOutbox outbox;
    private final BilingualText text;
    private final Clock clock;

    Invitations(Jdbc jdbc, Organisations organisations, PasswordHasher hasher, MailOutbox outbox, BilingualText text,
                Clock clock) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.hasher = hasher;
        this.outbox = outbox;
        this.text = text;
        this.clock = clock;
    }

    /** Whether {@code actor} may invite people to {@code organisationId} with {@code role}. */
    public static boolean mayInvite(Actor actor, Organisation organisation, Role role) {
        return role == Role.BUYER_MEMBER && actor.hasRoleIn(organisation.id(), Role.BUYER_MEMBER)
                || StaffPolicy.canGrant(actor, organisation, role);
    }

    /** Whether {@code actor} may invite anyone to {@code organisationId} (and see its invitations). */
    public static boolean mayInviteAny(Actor actor, Organisation organisation) {
        for (Role r : Role.values()) {
            if (r.fits(organisation.kind()) && mayInvite(actor, organisation, r)) {
                return true;
            }
        }
        return false;
    }

    /** The roles {@code actor} may invite to {@code organisation} with. */
    public static List<Role> invitableRoles(Actor actor, Organisation organisation) {
        List<Role> out = new ArrayList<>();
        for (Role r : Role.values()) {
            if (r.fits(organisation.kind()) && mayInvite(actor, organisation, r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** Invites {@code email} to {@code organisationId} as {@code role} (default BUYER_MEMBER) and queues the mail. */
    public Invitation invite(Actor actor, long organisationId, String email, Role role) {
        Organisation org = organisations.find(organisationId).orElseThrow(() -> new ApiException.NotFound(
                "ORGANISATION_NOT_FOUND", "There is no organisation with id " + organisationId + "."));
        Role r = role == null ? Role.BUYER_MEMBER : role;
        if (!mayInvite(actor, org, r)) {
            throw new ApiException.Forbidden("FORBIDDEN", "You may not invite people to " + org.nameZh() + " as " + r + ".");
        }
        if (!r.fits(org.kind())) {
            throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "ROLE_NOT_FOR_ORGANISATION",
                    "The role " + r + " cannot be held in an organisation of kind " + org.kind() + ".");
        }
        String address = Accounts.normalise(email);
        if (Accounts.problems(address, "x", "x".repeat(PasswordHasher.MIN_LENGTH)).stream()
                .anyMatch(e -> e.field().equals("email"))) {
            throw new ApiException.ValidationFailed("email", "EMAIL_INVALID", "'" + email + "' is not an e-mail address.");
        }
        String token = newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(VALID_FOR);
        long id = jdbc.write(c -> {
            if (Jdbc.count(c, "SELECT COUNT(*) FROM membership m JOIN person p ON p.id = m.person_id "
                    + "WHERE p.email = ? AND m.organisation_id = ? AND m.role = ?", address, organisationId, r) > 0) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "ALREADY_MEMBER",
                        address + " is already " + r + " of " + org.nameZh() + ".");
            }
            long inv = Jdbc.insert(c, """
                    INSERT INTO invitation (organisation_id, role, email, token_sha256, invited_by, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", organisationId, r, address, sha256(token), actor.personId(), now, expires);
            String link = outbox.baseUrl() + "/invitations/" + token;
            String zh = text.get(Lang.ZH, "invite.body", actor.displayName(), text.get(Lang.ZH, "role." + r.name()),
                    org.nameZh(), link, WHEN.format(expires));
            String en = text.get(Lang.EN, "invite.body", actor.displayName(), text.get(Lang.EN, "role." + r.name()),
                    org.nameEn() == null ? org.nameZh() : org.nameEn(), link, WHEN.format(expires));
            outbox.enqueue(c, Mail.of(address, text.subject(text.get(Lang.ZH, "invite.subject", actor.displayName(),
                    org.nameZh()), text.get(Lang.EN, "invite.subject", actor.displayName(),
                    org.nameEn() == null ? org.nameZh() : org.nameEn())), text.body(zh, en), "invitation:" + inv));
            return inv;
        });
        return new Invitation(id, organisationId, address, r, "PENDING", now, expires);
    }

    /** The organisation's invitations, newest first (those who may invite to it). */
    public List<Invitation> of(Actor actor, long organisationId) {
        Organisation org = organisations.find(organisationId).orElseThrow(() -> new ApiException.NotFound(
                "ORGANISATION_NOT_FOUND", "There is no organisation with id " + organisationId + "."));
        if (!mayInviteAny(actor, org)) {
            throw new ApiException.Forbidden("FORBIDDEN", "You may not see the invitations of " + org.nameZh() + ".");
        }
        Instant now = clock.instant();
        return jdbc.read(c -> Jdbc.list(c, "SELECT id, organisation_id, email, role, created_at, expires_at, accepted_at "
                + "FROM invitation WHERE organisation_id = ? ORDER BY id DESC LIMIT 200", rs -> {
                    Instant expires = Jdbc.instant(rs, "expires_at");
                    String status = rs.getTimestamp("accepted_at") != null ? "ACCEPTED"
                            : expires.isAfter(now) ? "PENDING" : "EXPIRED";
                    return new Invitation(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("email"),
                            Role.valueOf(rs.getString("role")), status, Jdbc.instant(rs, "created_at"), expires);
                }, organisationId));
    }

    /** What a token invites to; 404 {@code INVITATION_NOT_FOUND}, 410 {@code INVITATION_USED} / {@code INVITATION_EXPIRED}. */
    public Pending pending(String token) {
        return jdbc.read(c -> {
            Row row = row(c, token, false);
            boolean existing = Jdbc.count(c, "SELECT COUNT(*) FROM person WHERE email = ?", row.email()) > 0;
            return new Pending(row.email(), row.organisationId(), row.organisationName(), row.role(), row.invitedBy(),
                    row.expiresAt(), existing);
        });
    }

    /**
     * Accepts the invitation of {@code token}: creates the account (name, password) or, when the e-mail
     * has one, checks its password; grants the role; uses the token up. All in one transaction.
     */
    public Accepted accept(String token, String displayName, String password) {
        Instant now = clock.instant();
        // validate outside the transaction where possible, hash before it (Argon2 is slow on purpose)
        Pending p = pending(token);
        String hash = null;
        if (!p.existingAccount()) {
            List<ApiException.FieldError> errors = Accounts.problems(p.email(), displayName, password);
            if (!errors.isEmpty()) {
                throw ApiException.ValidationFailed.of(errors);
            }
            hash = hasher.hash(password);
        }
        String newHash = hash;
        try {
            return jdbc.write(c -> {
                Row row = row(c, token, true);
                Optional<AccountStore.PersonRow> existing = AccountStore.byEmail(c, row.email());
                long person;
                if (existing.isPresent()) {
                    if (password == null || !hasher.matches(password, existing.get().passwordHash())) {
                        throw new ApiException.ValidationFailed("password", "PASSWORD_WRONG",
                                "This e-mail has an account already; give that account's password to join.");
                    }
                    person = existing.get().id();
                } else {
                    if (newHash == null) {
                        throw new ApiException.ValidationFailed("password", "PASSWORD_TOO_SHORT",
                                "A password needs at least " + PasswordHasher.MIN_LENGTH + " characters.");
                    }
                    person = AccountStore.insertPerson(c, row.email(), displayName.strip(), newHash);
                }
                AccountStore.grant(c, person, row.organisationId(), row.role(), row.invitedById());
                Jdbc.update(c, "UPDATE invitation SET accepted_at = ?, accepted_person_id = ? WHERE id = ?", now, person,
                        row.id());
                return new Accepted(person, row.email(), row.organisationId(), row.organisationName(), row.role());
            });
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("uq_person_email")) { // the account was opened a moment ago: accept again with its password
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "EMAIL_TAKEN",
                        "An account with the e-mail " + p.email() + " was just opened; accept again with its password.");
            }
            throw e;
        }
    }

    private record Row(long id, String email, long organisationId, String organisationName, Role role, long invitedById,
                       String invitedBy, Instant expiresAt) {
    }

    /** The invitation row of {@code token} if it can still be accepted (locked when {@code forUpdate}). */
    private Row row(java.sql.Connection c, String token, boolean forUpdate) throws java.sql.SQLException {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw notFound();
        }
        record Found(Row row, Instant acceptedAt) {
        }
        Found f = Jdbc.one(c, "SELECT i.id, i.email, i.organisation_id, o.name_zh, i.role, i.invited_by, p.display_name, "
                + "i.expires_at, i.accepted_at FROM invitation i JOIN organisation o ON o.id = i.organisation_id "
                + "JOIN person p ON p.id = i.invited_by WHERE i.token_sha256 = ?" + (forUpdate ? " FOR UPDATE" : ""),
                rs -> new Found(new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Role.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7), Jdbc.instant(rs, "expires_at")),
                        Jdbc.instant(rs, "accepted_at")), sha256(token)).orElseThrow(Invitations::notFound);
        if (f.acceptedAt() != null) {
            throw new ApiException.RuleViolation(HttpStatus.GONE, "INVITATION_USED",
                    "This invitation has been used already; sign in, or ask for a new invitation.");
        }
        if (!f.row().expiresAt().isAfter(clock.instant())) {
            throw new ApiException.RuleViolation(HttpStatus.GONE, "INVITATION_EXPIRED",
                    "This invitation expired on " + WHEN.format(f.row().expiresAt()) + " (Asia/Shanghai); ask for a new one.");
        }
        return f.row();
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("INVITATION_NOT_FOUND", "There is no such invitation; check the link.");
    }

    private static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
