package cn.dayi.marketplace.account;

import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL for people and memberships; every method works on the caller's connection. */
final class AccountStore {

    /** A person row with the password hash (never leaves this package). */
    record PersonRow(long id, String email, String displayName, String passwordHash, boolean active,
                     int credentialsVersion) {
    }

    private AccountStore() {
    }

    static Optional<PersonRow> byEmail(Connection c, String email) throws SQLException {
        return Jdbc.one(c, "SELECT id, email, display_name, password_hash, active, credentials_version FROM person WHERE email = ?",
                AccountStore::person, email);
    }

    static Optional<PersonRow> byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT id, email, display_name, password_hash, active, credentials_version FROM person WHERE id = ?",
                AccountStore::person, id);
    }

    static List<Membership> memberships(Connection c, long personId) throws SQLException {
        return Jdbc.list(c, """
                SELECT m.organisation_id, o.name_zh, o.kind, m.role FROM membership m
                JOIN organisation o ON o.id = m.organisation_id
                WHERE m.person_id = ? ORDER BY m.organisation_id, m.role""",
                rs -> new Membership(rs.getLong(1), rs.getString(2), OrganisationKind.valueOf(rs.getString(3)),
                        Role.valueOf(rs.getString(4))), personId);
    }

    static long insertPerson(Connection c, String email, String displayName, String hash) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO person (email, display_name, password_hash) VALUES (?, ?, ?)",
                email, displayName, hash);
    }

    static boolean grant(Connection c, long personId, long organisationId, Role role, Long grantedBy) throws SQLException {
        return Jdbc.update(c, "INSERT IGNORE INTO membership (person_id, organisation_id, role, granted_by) VALUES (?, ?, ?, ?)",
                personId, organisationId, role, grantedBy) == 1;
    }

    static boolean revoke(Connection c, long personId, long organisationId, Role role) throws SQLException {
        return Jdbc.update(c, "DELETE FROM membership WHERE person_id = ? AND organisation_id = ? AND role = ?",
                personId, organisationId, role) == 1;
    }

    private static PersonRow person(java.sql.ResultSet rs) throws SQLException {
        return new PersonRow(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), rs.getBoolean("active"), rs.getInt("credentials_version"));
    }
}
