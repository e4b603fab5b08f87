package cn.dayi.marketplace.notification;

import cn.dayi.marketplace.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * What a notification says about an order, read straight from the order tables (so it works for
 * every order kind, whatever its transitions). {@code start}/{@code end} are null for orders without
 * a time window; {@code place} is the instrument's address, if known.
 */
record OrderFacts(long id, String kind, String state, long instrumentId, String instrumentCode, String instrumentName,
                  String instrumentNameEn, String place, long operatorId, String operatorName, long buyerOrganisationId,
                  String buyerOrganisationName, long buyerPersonId, Instant start, Instant end) {

    /** Whether the order books a time window on an instrument (machine time), so a calendar entry fits. */
    boolean hasWindow() {
        return start != null && end != null;
    }

    static Optional<OrderFacts> load(Connection c, long orderId) throws SQLException {
        return Jdbc.one(c, """
                SELECT o.id, o.kind, o.state, i.id AS iid, i.code, i.name, i.name_en, i.address, o.operator_id,
                       op.name_zh AS op_name, o.buyer_org_id, b.name_zh AS b_name, o.buyer_person_id, o.starts_at, o.ends_at
                FROM service_order o JOIN instrument i ON i.id = o.instrument_id
                JOIN organisation op ON op.id = o.operator_id JOIN organisation b ON b.id = o.buyer_org_id
                WHERE o.id = ?""", rs -> new OrderFacts(rs.getLong("id"), rs.getString("kind"), rs.getString("state"),
                rs.getLong("iid"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getString("address"),
                rs.getLong("operator_id"), rs.getString("op_name"), rs.getLong("buyer_org_id"), rs.getString("b_name"),
                rs.getLong("buyer_person_id"), Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at")), orderId);
    }

    /** One audit event of the order. */
    record Event(long id, String event, String from, String to, Long actorPersonId, String reason) {

        /** The newest audit event of the order (inside the moving transaction: the one just written). */
        static Optional<Event> latest(Connection c, long orderId) throws SQLException {
            return Jdbc.one(c, "SELECT id, event, from_state, to_state, actor_person_id, reason FROM service_order_event "
                    + "WHERE order_id = ? ORDER BY id DESC LIMIT 1", Event::of, orderId);
        }

        /** The first audit event of the order with name {@code event}. */
        static Optional<Event> first(Connection c, long orderId, String event) throws SQLException {
            return Jdbc.one(c, "SELECT id, event, from_state, to_state, actor_person_id, reason FROM service_order_event "
                    + "WHERE order_id = ? AND event = ? ORDER BY id LIMIT 1", Event::of, orderId, event);
        }

        /** How many audit events the order has up to and including {@code eventId} (the ICS SEQUENCE). */
        static int sequence(Connection c, long orderId, long eventId) throws SQLException {
            return (int) Jdbc.count(c, "SELECT COUNT(*) FROM service_order_event WHERE order_id = ? AND id <= ?", orderId,
                    eventId);
        }

        private static Event of(java.sql.ResultSet rs) throws SQLException {
            long actor = rs.getLong("actor_person_id");
            return new Event(rs.getLong("id"), rs.getString("event"), rs.getString("from_state"), rs.getString("to_state"),
                    rs.wasNull() ? null : actor, rs.getString("reason"));
        }
    }
}
