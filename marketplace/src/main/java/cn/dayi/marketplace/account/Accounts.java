package cn.dayi.marketplace.account;

import cn.dayi.marketplace.account.Organisations.Organisation;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * People and their roles: create a person, grant and revoke roles in organisations, look up the
 * {@link Actor} of a person id. Errors are stable codes: {@code EMAIL_INVALID},
 * {@code PASSWORD_TOO_SHORT}, {@code EMAIL_TAKEN} (409), {@code ROLE_NOT_FOR_ORGANISATION_KIND} (422),
 * {@code PERSON_NOT_FOUND} (404).
 */
@Singleton
public class Accounts {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    /** A person as admins see it (no password hash). */
    @Serdeable
    public record Person(long id, String email, String displayName, boolean active, List<Membership> memberships) {
    }

    private final Jdbc jdbc;
    private final PasswordHasher hasher;
    private final Organisations organisations;

    public Accounts(Jdbc jdbc, PasswordHasher hasher, Organisations organisations) {
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.organisations = organisations;
    }

    /** Lower-cases and trims an e-mail address, the sign-in name. */
    public static String normalise(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Creates a person, optionally with a first role, in one transaction.
     *
     * @param grantedBy the admin who does it, or null for the bootstrap
     */
    public Person create(String email, String displayName, String password, Long organisationId, Role role, Long grantedBy) {
        String normalised = normalise(email);
        List<ApiException.FieldError> errors = new ArrayList<>(problems(email, displayName, password));
        if ((organisationId == null) != (role == null)) {
            errors.add(new ApiException.FieldError(role == null ? "role" : "organisationId", "ROLE_INCOMPLETE",
                    "A first role needs both an organisation and a role."));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.ValidationFailed("The person was not created: "
                    + String.join(" ", errors.stream().map(ApiException.FieldError::message).toList()), errors);
        }
        if (organisationId != null) {
            checkFits(organisations.get(organisationId), role);
        }
        String hash = hasher.hash(password);
        try {
            long id = jdbc.write(c -> {
                long personId = AccountStore.insertPerson(c, normalised, displayName.strip(), hash);
                if (organisationId != null) {
                    AccountStore.grant(c, personId, organisationId, role, grantedBy);
                }
                return personId;
            });
            return person(id);
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("uq_person_email")) {
                throw new ApiException.RuleViolation(io.micronaut.http.HttpStatus.CONFLICT, "EMAIL_TAKEN",
                        "An account with the e-mail " + normalised + " already exists.");
            }
            throw e;
        }
    }

    /** What is wrong with a new person's e-mail, name and password (empty when nothing). */
    static List<ApiException.FieldError> problems(String email, String displayName, String password) {
        String normalised = normalise(email);
        List<ApiException.FieldError> errors = new ArrayList<>();
        if (!EMAIL.matcher(normalised).matches() || normalised.length() > 254) {
            errors.add(new ApiException.FieldError("email", "EMAIL_INVALID", "'" + email + "' is not an e-mail address."));
        }
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            errors.add(new ApiException.FieldError("password", "PASSWORD_TOO_SHORT",
                    "A password needs at least " + PasswordHasher.MIN_LENGTH + " characters."));
        }
        if (displayName == null || displayName.isBlank()) {
            errors.add(new ApiException.FieldError("displayName", "NAME_REQUIRED", "Give the person's name."));
        }
        return errors;
    }

    /** Grants {@code role} in {@code organisationId}; granting a role held already changes nothing. */
    public Person grant(long personId, long organisationId, Role role, Long grantedBy) {
        person(personId);
        checkFits(organisations.get(organisationId), role);
        jdbc.write(c -> AccountStore.grant(c, personId, organisationId, role, grantedBy));
        return person(personId);
    }

    /** Revokes {@code role} in {@code organisationId}; revoking a role not held changes nothing. */
    public Person revoke(long personId, long organisationId, Role role) {
        person(personId);
        jdbc.write(c -> AccountStore.revoke(c, personId, organisationId, role));
        return person(personId);
    }

    public Person person(long id) {
        return jdbc.read(c -> {
            AccountStore.PersonRow p = AccountStore.byId(c, id).orElseThrow(() ->
                    new ApiException.NotFound("PERSON_NOT_FOUND", "There is no person with id " + id + "."));
            return new Person(p.id(), p.email(), p.displayName(), p.active(), AccountStore.memberships(c, id));
        });
    }

    /**
     * Deactivates (or reactivates) a person: a deactivated person cannot sign in, and tokens already
     * issued stop working at once (the actor is re-read on every request). Nothing is deleted.
     */
    public Person setActive(long personId, boolean active) {
        person(personId);
        jdbc.write(c -> Jdbc.update(c, "UPDATE person SET active = ?, version = version + 1 WHERE id = ?", active, personId));
        return person(personId);
    }

    /** People with any role in {@code organisationId}. */
    public List<Person> members(long organisationId) {
        List<Long> ids = jdbc.read(c -> Jdbc.list(c,
                "SELECT DISTINCT person_id FROM membership WHERE organisation_id = ? ORDER BY person_id",
                rs -> rs.getLong(1), organisationId));
        return ids.stream().map(this::person).toList();
    }

    /** The actor of an active person, or empty when the person does not exist or is deactivated. */
    public Optional<Actor> actor(long personId) {
        return actor(personId, -1);
    }

    /**
     * The actor of an active person whose credentials have not changed since a token of
     * {@code tokenCredentialsVersion} was issued (-1: do not check); empty otherwise.
     */
    public Optional<Actor> actor(long personId, int tokenCredentialsVersion) {
        return jdbc.read(c -> {
            Optional<AccountStore.PersonRow> p = AccountStore.byId(c, personId);
            if (p.isEmpty() || !p.get().active()
                    || tokenCredentialsVersion >= 0 && tokenCredentialsVersion < p.get().credentialsVersion()) {
                return Optional.empty();
            }
            return Optional.of(new Actor(personId, p.get().email(), p.get().displayName(),
                    AccountStore.memberships(c, personId)));
        });
    }

    /** The person's credentials version (goes up with every password change); 0 for an unknown person. */
    public int credentialsVersion(long personId) {
        return jdbc.read(c -> AccountStore.byId(c, personId)).map(AccountStore.PersonRow::credentialsVersion).orElse(0);
    }

    /**
     * Changes a person's password after checking the current one. Every session and token issued before
     * ends (the credentials version goes up); the caller issues a fresh one for the session that asked.
     *
     * @throws ApiException.ValidationFailed {@code CURRENT_PASSWORD_WRONG}, {@code PASSWORD_TOO_SHORT}
     */
    public void changePassword(long personId, String current, String replacement) {
        AccountStore.PersonRow p = jdbc.read(c -> AccountStore.byId(c, personId)).orElseThrow(() ->
                new ApiException.NotFound("PERSON_NOT_FOUND", "There is no person with id " + personId + "."));
        if (!hasher.matches(current, p.passwordHash())) {
            throw new ApiException.ValidationFailed("currentPassword", "CURRENT_PASSWORD_WRONG",
                    "The current password is wrong; the password was not changed.");
        }
        if (replacement == null || replacement.length() < PasswordHasher.MIN_LENGTH) {
            throw new ApiException.ValidationFailed("newPassword", "PASSWORD_TOO_SHORT",
                    "A password needs at least " + PasswordHasher.MIN_LENGTH + " characters.");
        }
        String hash = hasher.hash(replacement);
        jdbc.write(c -> Jdbc.update(c, "UPDATE person SET password_hash = ?, version = version + 1, "
                + "credentials_version = credentials_version + 1 WHERE id = ?", hash, personId));
    }

    /** Number of people on the platform. */
    public long count() {
        return jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM person"));
    }

    private static void checkFits(Organisation organisation, Role role) {
        if (!role.fits(organisation.kind())) {
            throw new ApiException.RuleViolation(io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                    "ROLE_NOT_FOR_ORGANISATION_KIND", "The role " + role + " cannot be held in " + organisation.nameZh()
                    + ", an organisation of kind " + organisation.kind() + "; it fits " + role.kinds() + ".");
        }
    }
}
