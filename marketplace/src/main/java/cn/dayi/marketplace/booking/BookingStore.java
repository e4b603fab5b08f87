package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.booking.ServiceOrder.HistoryEntry;
import cn.dayi.marketplace.booking.ServiceOrder.Payment;
import cn.dayi.marketplace.booking.ServiceOrder.Ref;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.tariff.QuoteView;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL of booking rules, blackouts, orders, their audit trail, held slots and payments, on the caller's connection. */
@Singleton
class BookingStore {

    /** The facts of an instrument that booking needs. */
    record Instrument(long id, String code, String name, long ownerId, String sharingMode, String status) {
    }

    private static final String SELECT = """
            SELECT o.*, i.code AS i_code, i.name AS i_name, op.name_zh AS op_name, b.name_zh AS b_name,
                   p.display_name AS p_name
            FROM service_order o JOIN instrument i ON i.id = o.instrument_id
            JOIN organisation op ON op.id = o.operator_id JOIN organisation b ON b.id = o.buyer_org_id
            JOIN person p ON p.id = o.buyer_person_id
            """;

    private final JsonMapper json;

    BookingStore(JsonMapper json) {
        this.json = json;
    }

    static Optional<Instrument> instrument(Connection c, String idOrCode) throws SQLException {
        String key = idOrCode == null ? "" : idOrCode.strip();
        if (key.isEmpty() || key.length() > 64) {
            return Optional.empty();
        }
        boolean numeric = key.matches("\\d{1,18}");
        return Jdbc.one(c, "SELECT id, code, name, owner_id, sharing_mode, status FROM instrument WHERE "
                        + (numeric ? "id" : "code") + " = ?",
                rs -> new Instrument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6)), numeric ? (Object) Long.parseLong(key) : key);
    }

    // ---- rules and blackouts ----

    static Optional<BookingRules> rules(Connection c, long instrumentId) throws SQLException {
        List<BookingRules.Opening> weekly = Jdbc.list(c, "SELECT weekday, opens_at, closes_at FROM instrument_availability "
                        + "WHERE instrument_id = ? ORDER BY weekday, opens_at",
                rs -> new BookingRules.Opening(DayOfWeek.of(rs.getInt(1)), rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime()), instrumentId);
        return Jdbc.one(c, "SELECT slot_minutes, buffer_minutes, min_notice_hours, max_advance_days "
                        + "FROM instrument_booking_policy WHERE instrument_id = ?",
                rs -> new BookingRules(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), weekly), instrumentId);
    }

    static void saveRules(Connection c, long instrumentId, BookingRules r, Instant now) throws SQLException {
        Jdbc.update(c, "DELETE FROM instrument_availability WHERE instrument_id = ?", instrumentId);
        Jdbc.update(c, "DELETE FROM instrument_booking_policy WHERE instrument_id = ?", instrumentId);
        Jdbc.update(c, "INSERT INTO instrument_booking_policy (instrument_id, slot_minutes, buffer_minutes, min_notice_hours, "
                + "max_advance_days, updated_at) VALUES (?, ?, ?, ?, ?, ?)", instrumentId, r.slotMinutes(), r.bufferMinutes(),
                r.minNoticeHours(), r.maxAdvanceDays(), now);
        for (BookingRules.Opening o : r.weekly()) {
            Jdbc.update(c, "INSERT INTO instrument_availability (instrument_id, weekday, opens_at, closes_at) VALUES (?, ?, ?, ?)",
                    instrumentId, o.weekday().getValue(), Time.valueOf(o.opens()), Time.valueOf(o.closes()));
        }
    }

    static List<SlotGrid.Span> blackouts(Connection c, long instrumentId, Instant from, Instant to) throws SQLException {
        return Jdbc.list(c, "SELECT starts_at, ends_at FROM instrument_blackout WHERE instrument_id = ? AND starts_at < ? "
                        + "AND ends_at > ? ORDER BY starts_at",
                rs -> new SlotGrid.Span(Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at")), instrumentId, to, from);
    }

    static long addBlackout(Connection c, long instrumentId, Instant from, Instant to, String reason, String note,
                            long by, Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO instrument_blackout (instrument_id, starts_at, ends_at, reason, note, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", instrumentId, from, to, reason, note, by, now);
    }

    // ---- slots ----

    /** Slot starts held on the instrument in {@code [from, to)}. */
    static Set<Instant> held(Connection c, long instrumentId, Instant from, Instant to) throws SQLException {
        return new HashSet<>(Jdbc.list(c, "SELECT slot_start FROM booking_slot WHERE instrument_id = ? AND slot_start >= ? "
                + "AND slot_start < ?", rs -> Jdbc.instant(rs, "slot_start"), instrumentId, from, to));
    }

    /**
     * Inserts the held slots in one statement, ascending. Fails on the primary key
     * {@code (instrument_id, slot_start)} when another order holds any of them.
     */
    static void hold(Connection c, long instrumentId, long orderId, SlotGrid.Hold hold) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO booking_slot (instrument_id, slot_start, order_id, buffer) VALUES ");
        List<Object> args = new ArrayList<>();
        for (Instant t : hold.used()) {
            sql.append(args.isEmpty() ? "" : ", ").append("(?, ?, ?, FALSE)");
            args.add(instrumentId);
            args.add(t);
            args.add(orderId);
        }
        for (Instant t : hold.buffer()) {
            sql.append(", (?, ?, ?, TRUE)");
            args.add(instrumentId);
            args.add(t);
            args.add(orderId);
        }
        Jdbc.update(c, sql.toString(), args.toArray());
    }

    static int release(Connection c, long orderId) throws SQLException {
        return Jdbc.update(c, "DELETE FROM booking_slot WHERE order_id = ?", orderId);
    }

    // ---- orders ----

    long insert(Connection c, Instrument instrument, long operatorId, long buyerOrgId, long buyerPersonId, BookingMode mode,
                Instant start, Instant end, String note, QuoteView quote, Instant holdExpiresAt, Instant now)
            throws SQLException {
        return Jdbc.insert(c, """
                INSERT INTO service_order (kind, instrument_id, operator_id, buyer_org_id, buyer_person_id, state, mode,
                  starts_at, ends_at, note, quote_json, total_fen, currency, hold_expires_at, created_at, updated_at)
                VALUES ('MACHINE_TIME', ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                instrument.id(), operatorId, buyerOrgId, buyerPersonId, mode, start, end, note, write(quote),
                quote.totalFen(), quote.currency(), holdExpiresAt, now, now);
    }

    /** Moves the state only if the order is still at {@code version} (optimistic: a concurrent change makes this false). */
    static boolean move(Connection c, long id, int version, OrderState to, Instant holdExpiresAt, Long cancellationFeeFen,
                        Instant now) throws SQLException {
        return Jdbc.update(c, "UPDATE service_order SET state = ?, hold_expires_at = ?, cancellation_fee_fen = "
                + "COALESCE(?, cancellation_fee_fen), updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
                to, holdExpiresAt, cancellationFeeFen, now, id, version) == 1;
    }

    static void event(Connection c, long id, String event, OrderState from, OrderState to, Long actor, String reason,
                      Instant now) throws SQLException {
        Jdbc.update(c, """
                INSERT INTO service_order_event (order_id, event, from_state, to_state, actor_person_id, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", id, event, from == null ? null : from.name(), to, actor, reason, now);
    }

    static void payment(Connection c, long orderId, long amountFen, String currency, String reference, long by, Instant now)
            throws SQLException {
        Jdbc.update(c, "INSERT INTO payment_record (order_id, method, amount_fen, currency, reference, recorded_by, recorded_at) "
                + "VALUES (?, 'BANK_TRANSFER', ?, ?, ?, ?, ?)", orderId, amountFen, currency, reference, by, now);
    }

    Optional<ServiceOrder> find(Connection c, long id) throws SQLException {
        Optional<ServiceOrder> head = Jdbc.one(c, SELECT + " WHERE o.id = ?", this::head, id);
        if (head.isEmpty()) {
            return head;
        }
        ServiceOrder o = head.get();
        List<HistoryEntry> history = Jdbc.list(c, """
                SELECT ev.event, ev.from_state, ev.to_state, ev.actor_person_id, pe.display_name, ev.reason, ev.at
                FROM service_order_event ev LEFT JOIN person pe ON pe.id = ev.actor_person_id
                WHERE ev.order_id = ? ORDER BY ev.id""",
                rs -> new HistoryEntry(rs.getString(1), state(rs.getString(2)), state(rs.getString(3)),
                        (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), Jdbc.instant(rs, "at")), id);
        Payment payment = Jdbc.one(c, "SELECT method, amount_fen, currency, reference, recorded_by, recorded_at "
                        + "FROM payment_record WHERE order_id = ?",
                rs -> new Payment(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        Jdbc.instant(rs, "recorded_at")), id).orElse(null);
        return Optional.of(new ServiceOrder(o.id(), o.kind(), o.state(), o.mode(), o.instrument(), o.operator(),
                o.buyerOrganisation(), o.buyerPerson(), o.start(), o.end(), o.note(), o.quote(), o.totalFen(), o.currency(),
                o.holdExpiresAt(), o.cancellationFeeFen(), null, payment, history, o.version()));
    }

    List<ServiceOrder> ofOperator(Connection c, long operatorId, OrderState state) throws SQLException {
        return state == null
                ? Jdbc.list(c, SELECT + " WHERE o.operator_id = ? ORDER BY COALESCE(o.starts_at, o.created_at) DESC, o.id DESC LIMIT 500", this::head,
                operatorId)
                : Jdbc.list(c, SELECT + " WHERE o.operator_id = ? AND o.state = ? ORDER BY COALESCE(o.starts_at, o.created_at) DESC, o.id DESC LIMIT 500",
                this::head, operatorId, state);
    }

    List<ServiceOrder> ofBuyer(Connection c, long buyerOrgId) throws SQLException {
        return Jdbc.list(c, SELECT + " WHERE o.buyer_org_id = ? ORDER BY COALESCE(o.starts_at, o.created_at) DESC, o.id DESC LIMIT 500", this::head,
                buyerOrgId);
    }

    /** Orders whose hold lapsed at {@code now}. */
    static List<Long> holdsDue(Connection c, Instant now) throws SQLException {
        return Jdbc.list(c, "SELECT id FROM service_order WHERE state IN ('SUBMITTED', 'AWAITING_PAYMENT') "
                + "AND hold_expires_at <= ? ORDER BY id LIMIT 1000", rs -> rs.getLong(1), now);
    }

    private ServiceOrder head(ResultSet rs) throws SQLException {
        return new ServiceOrder(rs.getLong("id"), rs.getString("kind"), OrderState.valueOf(rs.getString("state")),
                rs.getString("mode") == null ? null : BookingMode.valueOf(rs.getString("mode")),
                new Ref(rs.getLong("instrument_id"), rs.getString("i_code"), rs.getString("i_name")),
                new Ref(rs.getLong("operator_id"), null, rs.getString("op_name")),
                new Ref(rs.getLong("buyer_org_id"), null, rs.getString("b_name")),
                new Ref(rs.getLong("buyer_person_id"), null, rs.getString("p_name")),
                Jdbc.instant(rs, "starts_at"), Jdbc.instant(rs, "ends_at"), rs.getString("note"), read(rs.getString("quote_json")),
                rs.getLong("total_fen"), rs.getString("currency"), Jdbc.instant(rs, "hold_expires_at"),
                (Long) rs.getObject("cancellation_fee_fen", Long.class), null, null, null, rs.getInt("version"));
    }

    private String write(QuoteView quote) {
        try {
            return json.writeValueAsString(quote);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private QuoteView read(String text) {
        if (text == null) {
            return null; // TESTING orders: the quote is their lines
        }
        try {
            return json.readValue(text, Argument.of(QuoteView.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OrderState state(String s) {
        return s == null ? null : OrderState.valueOf(s);
    }
}
