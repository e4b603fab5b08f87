package cn.dayi.marketplace.entrustment;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Entrustment.HistoryEntry;
import cn.dayi.marketplace.entrustment.Entrustment.InstrumentRef;
import cn.dayi.marketplace.entrustment.Entrustment.Party;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** SQL of entrustments, custody and their audit trail, on the caller's connection. */
final class EntrustmentStore {

    private static final String SELECT = """
            SELECT e.*, o.name_zh AS owner_name, p.name_zh AS operator_name FROM entrustment e
            JOIN organisation o ON o.id = e.owner_id JOIN organisation p ON p.id = e.operator_id
            """;

    private EntrustmentStore() {
    }

    static Optional<Entrustment> find(Connection c, long id) throws SQLException {
        Optional<Entrustment> head = Jdbc.one(c, SELECT + " WHERE e.id = ?", EntrustmentStore::head, id);
        if (head.isEmpty()) {
            return head;
        }
        Entrustment e = head.get();
        List<InstrumentRef> instruments = Jdbc.list(c, """
                SELECT i.id, i.code, i.name FROM entrustment_instrument ei JOIN instrument i ON i.id = ei.instrument_id
                WHERE ei.entrustment_id = ? ORDER BY i.code""",
                rs -> new InstrumentRef(rs.getLong(1), rs.getString(2), rs.getString(3)), id);
        List<HistoryEntry> history = Jdbc.list(c, """
                SELECT ev.event, ev.from_state, ev.to_state, ev.actor_person_id, pe.display_name, ev.reason, ev.at
                FROM entrustment_event ev LEFT JOIN person pe ON pe.id = ev.actor_person_id
                WHERE ev.entrustment_id = ? ORDER BY ev.id""",
                rs -> new HistoryEntry(rs.getString(1), state(rs.getString(2)), state(rs.getString(3)),
                        (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), Jdbc.instant(rs, "at")), id);
        return Optional.of(new Entrustment(e.id(), e.owner(), e.operator(), e.state(), e.startsOn(), e.endsOn(), e.scope(),
                e.shares(), e.fiscalFunded(), instruments, history, e.version()));
    }

    /** Entrustments where {@code organisationId} is owner or operator, newest first (without instruments and history). */
    static List<Entrustment> ofOrganisation(Connection c, long organisationId) throws SQLException {
        return Jdbc.list(c, SELECT + " WHERE e.owner_id = ? OR e.operator_id = ? ORDER BY e.id DESC",
                EntrustmentStore::head, organisationId, organisationId);
    }

    static long insert(Connection c, long ownerId, long operatorId, NewEntrustment n, long createdBy, Instant now)
            throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO entrustment (owner_id, operator_id, state, starts_on, ends_on, scope, owner_share_bp,
                  fiscal_share_bp, operator_share_bp, platform_share_bp, fiscal_funded, created_by, created_at, updated_at)
                VALUES (?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                ownerId, operatorId, n.startsOn(), n.endsOn(), n.scope(), n.shares().ownerBp(), n.shares().fiscalFundBp(),
                n.shares().operatorBp(), n.shares().platformBp(), n.fiscalFunded(), createdBy, now, now);
    }

    static void addInstruments(Connection c, long entrustmentId, Collection<Long> instrumentIds) throws SQLException {
        for (long instrumentId : instrumentIds) {
            Jdbc.update(c, "INSERT INTO entrustment_instrument (entrustment_id, instrument_id) VALUES (?, ?)",
                    entrustmentId, instrumentId);
        }
    }

    /** Moves the state only if it is still {@code from} (optimistic: a concurrent change makes this return false). */
    static boolean move(Connection c, long id, EntrustmentState from, EntrustmentState to, Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE entrustment SET state = ?, updated_at = ?, version = version + 1 WHERE id = ? AND state = ?",
                to, now, id, from) == 1;
    }

    static void event(Connection c, long id, String event, EntrustmentState from, EntrustmentState to, Long actor,
                      String reason, Instant now) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO entrustment_event (entrustment_id, event, from_state, to_state, actor_person_id, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, event, from == null ? null : from.name(), to, actor, reason, now);
    }

    static List<Long> instrumentIds(Connection c, long entrustmentId) throws SQLException {
        return Jdbc.list(c, "SELECT instrument_id FROM entrustment_instrument WHERE entrustment_id = ? ORDER BY instrument_id",
                rs -> rs.getLong(1), entrustmentId);
    }

    /** Codes of those of {@code instrumentIds} already in someone's custody. */
    static List<String> inCustody(Connection c, Collection<Long> instrumentIds) throws SQLException {
        if (instrumentIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", Collections.nCopies(instrumentIds.size(), "?"));
        return Jdbc.list(c, "SELECT i.code FROM instrument_custody k JOIN instrument i ON i.id = k.instrument_id "
                + "WHERE k.instrument_id IN (" + marks + ") ORDER BY i.code", rs -> rs.getString(1), instrumentIds.toArray());
    }

    static void takeCustody(Connection c, long entrustmentId, long operatorId, Collection<Long> instrumentIds, Instant now)
            throws SQLException {
        for (long instrumentId : instrumentIds) {
            Jdbc.update(c, "INSERT INTO instrument_custody (instrument_id, entrustment_id, operator_id, since) VALUES (?, ?, ?, ?)",
                    instrumentId, entrustmentId, operatorId, now);
        }
    }

    static void releaseCustody(Connection c, long entrustmentId) throws SQLException {
        Jdbc.update(c, "DELETE FROM instrument_custody WHERE entrustment_id = ?", entrustmentId);
    }

    /** Active entrustments whose last day is before {@code today}. */
    static List<Long> due(Connection c, java.time.LocalDate today) throws SQLException {
        return Jdbc.list(c, "SELECT id FROM entrustment WHERE state = 'ACTIVE' AND ends_on < ? ORDER BY id",
                rs -> rs.getLong(1), today);
    }

    private static Entrustment head(ResultSet rs) throws SQLException {
        return new Entrustment(rs.getLong("id"), new Party(rs.getLong("owner_id"), rs.getString("owner_name")),
                new Party(rs.getLong("operator_id"), rs.getString("operator_name")),
                EntrustmentState.valueOf(rs.getString("state")), Jdbc.date(rs, "starts_on"), Jdbc.date(rs, "ends_on"),
                rs.getString("scope"), new RevenueShares(rs.getInt("owner_share_bp"), rs.getInt("fiscal_share_bp"),
                rs.getInt("operator_share_bp"), rs.getInt("platform_share_bp")), rs.getBoolean("fiscal_funded"),
                List.of(), List.of(), rs.getInt("version"));
    }

    private static EntrustmentState state(String s) {
        return s == null ? null : EntrustmentState.valueOf(s);
    }
}
