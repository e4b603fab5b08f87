package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.account.Registrations;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.OrderLifecycle.Transition;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.filestore.FileKind;
import cn.dayi.marketplace.filestore.FileStore;
import cn.dayi.marketplace.filestore.StoredFile;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Testing-service orders (送样检测): the second kind of {@code service_order}, moved through the same
 * {@link OrderLifecycle#TABLE} by {@link Bookings}.
 *
 * <p>Ordering: a BUYER_MEMBER of a VERIFIED organisation (422 {@code ORGANISATION_NOT_VERIFIED}) picks
 * active service items of an externally shared, in-service instrument held by an operator, with sample
 * counts. Fixed-price items are priced at once from the item's price (the lines are the quote, kept on
 * the order; {@code totalFen} = sum of the lines); items priced on request (面议) wait for the
 * operator's quote ({@link #quote}: SUBMITTED → ACCEPTED), which the buyer accepts (→ AWAITING_PAYMENT)
 * or declines (→ CANCELLED). An order with only fixed prices is accepted with the plain accept
 * (SUBMITTED → AWAITING_PAYMENT); accepting without a quote while a line is on request is 409
 * {@code QUOTE_REQUIRED}. After the offline bank transfer the operator marks the samples received
 * (→ IN_SERVICE), uploads result files ({@link #addResult}, only while IN_SERVICE) and delivers
 * (→ COMPLETED; 409 {@code RESULTS_REQUIRED} without a result file). Cancelling is free until the
 * samples are received.
 *
 * <p>Errors besides those of {@link Bookings}: 400 {@code ITEMS_REQUIRED}, {@code SAMPLE_COUNT_INVALID},
 * {@code DUPLICATE_ITEM}, {@code SAMPLE_DESCRIPTION_REQUIRED}, {@code SHIPPING_INCOMPLETE},
 * {@code QUOTE_INCOMPLETE}, {@code QUOTE_LINE_INVALID}, {@code PRICE_INVALID}; 422
 * {@code SERVICE_ITEM_UNKNOWN}, {@code CURRENCY_MIXED}; 409 {@code NOT_A_TESTING_ORDER},
 * {@code NOTHING_TO_QUOTE}, {@code SHIPPING_CLOSED}, {@code RESULTS_CLOSED}; 404 {@code FILE_NOT_FOUND};
 * and the file store's (413 {@code FILE_TOO_LARGE}, 415 {@code FILE_TYPE_MISMATCH} …, see {@link FileStore}).
 */
@Singleton
public class TestingOrders {

    private static final long MAX_UNIT_PRICE_FEN = 1_000_000_000_00L; // 10 亿元: a typo, not a price
    private static final Set<OrderState> SHIPPING_OPEN = EnumSet.of(OrderState.SUBMITTED, OrderState.ACCEPTED,
            OrderState.AWAITING_PAYMENT, OrderState.CONFIRMED);

    private final Jdbc jdbc;
    private final Bookings bookings;
    private final Availability availability;
    private final Fleet fleet;
    private final Registrations registrations;
    private final FileStore files;
    private final Clock clock;

    TestingOrders(Jdbc jdbc, Bookings bookings, Availability availability, Fleet fleet, Registrations registrations,
                  FileStore files, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.availability = availability;
        this.fleet = fleet;
        this.registrations = registrations;
        this.files = files;
        this.clock = clock;
    }

    /** The operator's price for one line priced on request, fen per sample. */
    @Serdeable
    public record QuotedLine(@Nullable Long lineId, @Nullable Long unitPriceFen) {
    }

    /** The operator's quote: a price for every line priced on request. */
    @Serdeable
    public record Quote(@Nullable List<QuotedLine> lines, @Nullable String note) {
    }

    /** Courier and tracking number of the samples. */
    @Serdeable
    public record ShippingDetails(@Nullable String courier, @Nullable String trackingNumber) {
    }

    /** A result file as read for download: its facts and its bytes, checksum already verified. */
    public record Download(StoredFile file, InputStream content) {
    }

    /** True while the buyer may give or correct the shipping details (until the samples are received). */
    public static boolean shippingOpen(OrderState state) {
        return SHIPPING_OPEN.contains(state);
    }

    /** True while result files are uploaded (the samples are being tested). */
    public static boolean resultsOpen(OrderState state) {
        return state == OrderState.IN_SERVICE;
    }

    /** Submits a testing order; 201 with it SUBMITTED (answer due by {@code holdExpiresAt}). */
    public TestingOrder order(Actor actor, String instrumentIdOrCode, NewTestingOrder body) {
        NewTestingOrder b = body == null ? new NewTestingOrder(null, null, null, null, null, null) : body;
        long buyerOrg = bookings.buyerOrganisation(actor, b.buyerOrganisationId());
        registrations.requireVerified(buyerOrg);
        if (b.items() == null || b.items().isEmpty()) {
            throw new ApiException.ValidationFailed("items", "ITEMS_REQUIRED", "Choose at least one service item (检测项目).");
        }
        Set<Long> seen = new HashSet<>();
        for (NewTestingOrder.Item i : b.items()) {
            if (i == null || i.serviceItemId() == null) {
                throw new ApiException.ValidationFailed("items", "ITEMS_REQUIRED", "Each line needs a serviceItemId.");
            }
            if (i.sampleCount() == null || i.sampleCount() < 1 || i.sampleCount() > 10_000) {
                throw new ApiException.ValidationFailed("sampleCount", "SAMPLE_COUNT_INVALID",
                        "Give the number of samples for each item, 1 to 10,000.");
            }
            if (!seen.add(i.serviceItemId())) {
                throw new ApiException.ValidationFailed("items", "DUPLICATE_ITEM", "Service item " + i.serviceItemId()
                        + " is listed twice; give it once with the total number of samples.");
            }
        }
        String description = text(b.sampleDescription());
        if (description == null || description.length() > 2000) {
            throw new ApiException.ValidationFailed("sampleDescription", "SAMPLE_DESCRIPTION_REQUIRED",
                    "Describe the samples (material, form, hazards, storage), 1 to 2,000 characters.");
        }
        ShippingDetails shipping = shipping(b.courier(), b.trackingNumber(), true);
        String note = text(b.note());
        if (note != null && note.length() > 1000) {
            throw new ApiException.ValidationFailed("note", "NOTE_TOO_LONG", "The note is at most 1,000 characters.");
        }
        BookingStore.Instrument instrument = availability.instrument(instrumentIdOrCode);
        if (!"EXTERNAL".equals(instrument.sharingMode())) {
            throw rule("INSTRUMENT_NOT_SHARED", "Instrument " + instrument.code() + " is not shared with outside users ("
                    + instrument.sharingMode() + ").");
        }
        if (!"IN_SERVICE".equals(instrument.status())) {
            throw rule("INSTRUMENT_OUT_OF_SERVICE", "Instrument " + instrument.code() + " is " + instrument.status() + ".");
        }
        long operatorId = fleet.custodianOf(instrument.id()).orElseThrow(() -> rule("NO_OPERATOR",
                "No service operator holds instrument " + instrument.code() + ", so nobody can run the tests."));
        Instant now = clock.instant();
        long id = jdbc.write(c -> {
            Map<Long, Item> items = items(c, instrument.id());
            String currency = null;
            long total = 0;
            for (NewTestingOrder.Item i : b.items()) {
                Item item = items.get(i.serviceItemId());
                if (item == null) {
                    throw rule("SERVICE_ITEM_UNKNOWN", "Instrument " + instrument.code() + " offers no service item "
                            + i.serviceItemId() + " (it may have been withdrawn); pick from its current list.");
                }
                if (currency != null && !currency.equals(item.currency())) {
                    throw rule("CURRENCY_MIXED", "These items are priced in different currencies; order them separately.");
                }
                currency = item.currency();
                if (item.unitPriceFen() != null) {
                    total = Math.addExact(total, Math.multiplyExact(item.unitPriceFen(), (long) i.sampleCount()));
                }
            }
            long orderId = Jdbc.insert(c, """
                    INSERT INTO service_order (kind, instrument_id, operator_id, buyer_org_id, buyer_person_id, state,
                      note, total_fen, currency, hold_expires_at, created_at, updated_at)
                    VALUES ('TESTING', ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?)""",
                    instrument.id(), operatorId, buyerOrg, actor.personId(), note, total, currency,
                    now.plus(OrderLifecycle.ANSWER_WITHIN), now, now);
            Integer turnaround = null;
            for (NewTestingOrder.Item i : b.items()) {
                Item item = items.get(i.serviceItemId());
                Long lineTotal = item.unitPriceFen() == null ? null : item.unitPriceFen() * i.sampleCount();
                Jdbc.update(c, """
                        INSERT INTO testing_order_line (order_id, service_item_id, item_name, sample_count, on_request,
                          unit_price_fen, line_total_fen, turnaround_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                        orderId, item.id(), item.name(), i.sampleCount(), item.unitPriceFen() == null, item.unitPriceFen(),
                        lineTotal, item.turnaroundDays());
                if (item.turnaroundDays() != null && (turnaround == null || item.turnaroundDays() > turnaround)) {
                    turnaround = item.turnaroundDays();
                }
            }
            Jdbc.update(c, """
                    INSERT INTO testing_order (order_id, sample_description, courier, tracking_number, shipped_at,
                      turnaround_days) VALUES (?, ?, ?, ?, ?, ?)""", orderId, description,
                    shipping == null ? null : shipping.courier(), shipping == null ? null : shipping.trackingNumber(),
                    shipping == null ? null : now, turnaround);
            BookingStore.event(c, orderId, "SUBMITTED", null, OrderState.SUBMITTED, actor.personId(), null, now);
            bookings.submitted(c, orderId, now);
            return orderId;
        });
        bookings.announce(new OrderTransitioned(id, "SUBMITTED", null, OrderState.SUBMITTED, actor.personId(), null, now));
        return get(actor, id);
    }

    /** One testing order with its lines, shipping and results; 404 as {@link Bookings#get}. */
    public TestingOrder get(Actor actor, long id) {
        ServiceOrder o = testing(actor, id);
        return jdbc.read(c -> view(c, o));
    }

    /**
     * The operator accepts with a quote for every line priced on request (SUBMITTED → ACCEPTED); the
     * order's total becomes the sum of all lines, and the buyer is asked to accept it.
     */
    public TestingOrder quote(Actor actor, long id, Quote body) {
        ServiceOrder o = testing(actor, id);
        Transition t = bookings.transition(actor, o, Command.QUOTE);
        List<TestingOrder.Line> lines = jdbc.read(c -> lines(c, id));
        Map<Long, TestingOrder.Line> open = new HashMap<>();
        lines.stream().filter(l -> l.onRequest() && l.unitPriceFen() == null).forEach(l -> open.put(l.id(), l));
        if (open.isEmpty()) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "NOTHING_TO_QUOTE",
                    "Every item of this order has a fixed price; accept it without a quote.");
        }
        List<QuotedLine> given = body == null || body.lines() == null ? List.of() : body.lines();
        Map<Long, Long> prices = new HashMap<>();
        for (QuotedLine q : given) {
            if (q == null || q.lineId() == null || !open.containsKey(q.lineId()) || prices.containsKey(q.lineId())) {
                throw new ApiException.ValidationFailed("lines", "QUOTE_LINE_INVALID", "Quote each line priced on request "
                        + "once, by its id: " + open.keySet().stream().sorted().toList() + ".");
            }
            if (q.unitPriceFen() == null || q.unitPriceFen() < 0 || q.unitPriceFen() > MAX_UNIT_PRICE_FEN) {
                throw new ApiException.ValidationFailed("unitPriceFen", "PRICE_INVALID",
                        "Give a price per sample in fen, 0 or more (at most 1,000,000,000.00 yuan).");
            }
            prices.put(q.lineId(), q.unitPriceFen());
        }
        if (!prices.keySet().equals(open.keySet())) {
            throw new ApiException.ValidationFailed("lines", "QUOTE_INCOMPLETE", "Quote every line priced on request: "
                    + open.keySet().stream().sorted().toList() + ".");
        }
        long total = 0;
        for (TestingOrder.Line l : lines) {
            long unit = l.unitPriceFen() != null ? l.unitPriceFen() : prices.get(l.id());
            total = Math.addExact(total, Math.multiplyExact(unit, (long) l.sampleCount()));
        }
        long newTotal = total;
        String note = text(body == null ? null : body.note());
        bookings.apply(o, t, actor.personId(), note == null ? "quote " + newTotal + " fen" : note, clock.instant(), c -> {
            for (Map.Entry<Long, Long> p : prices.entrySet()) {
                Jdbc.update(c, "UPDATE testing_order_line SET unit_price_fen = ?, line_total_fen = ? * sample_count "
                        + "WHERE id = ? AND order_id = ?", p.getValue(), p.getValue(), p.getKey(), id);
            }
            Jdbc.update(c, "UPDATE service_order SET total_fen = ? WHERE id = ?", newTotal, id);
        });
        return get(actor, id);
    }

    /** The buyer gives or corrects courier and tracking number, until the samples are received. */
    public TestingOrder ship(Actor actor, long id, ShippingDetails body) {
        ServiceOrder o = testing(actor, id);
        actor.requireRoleIn(o.buyerOrganisation().id(), Role.BUYER_MEMBER);
        ShippingDetails s = shipping(body == null ? null : body.courier(), body == null ? null : body.trackingNumber(),
                false);
        if (!SHIPPING_OPEN.contains(o.state())) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "SHIPPING_CLOSED", "An order that is " + o.state()
                    + " takes no shipping details any more.");
        }
        Instant now = clock.instant();
        jdbc.write(c -> {
            Jdbc.update(c, "UPDATE testing_order SET courier = ?, tracking_number = ?, shipped_at = ? WHERE order_id = ?",
                    s.courier(), s.trackingNumber(), now, id);
            BookingStore.event(c, id, "SHIPPING_GIVEN", o.state(), o.state(), actor.personId(),
                    s.courier() + " " + s.trackingNumber(), now);
            return null;
        });
        return get(actor, id);
    }

    /**
     * The operator's staff upload a result file while the order is IN_SERVICE. The body is streamed to
     * a temporary file (never held in memory) and checked before anything is recorded.
     *
     * @param declaredLength Content-Length of the request, -1 when not given
     */
    public StoredFile addResult(Actor actor, long id, String fileName, long declaredLength, InputStream body) {
        ServiceOrder o = testing(actor, id);
        if (!actor.hasRoleIn(o.operator().id(), Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the manager or technicians of the operator serving the "
                    + "order upload results.");
        }
        if (!resultsOpen(o.state())) {
            throw resultsClosed(o.state());
        }
        try (FileStore.Staged staged = files.stage(body, fileName, declaredLength, FileKind.RESULT)) {
            Instant now = clock.instant();
            try {
                return jdbc.write(c -> {
                    String state = Jdbc.one(c, "SELECT state FROM service_order WHERE id = ? FOR UPDATE",
                            rs -> rs.getString(1), id).orElseThrow();
                    if (!OrderState.IN_SERVICE.name().equals(state)) {
                        throw resultsClosed(OrderState.valueOf(state));
                    }
                    StoredFile f = files.commit(c, staged, actor.personId(), now);
                    Jdbc.update(c, "INSERT INTO order_result_file (order_id, file_id, uploaded_by, uploaded_at) "
                            + "VALUES (?, ?, ?, ?)", id, f.id(), actor.personId(), now);
                    BookingStore.event(c, id, "RESULT_UPLOADED", o.state(), o.state(), actor.personId(),
                            f.name() + " (" + f.sizeBytes() + " bytes, sha256 " + f.sha256() + ")", now);
                    return f;
                });
            } catch (RuntimeException e) {
                staged.rolledBack();
                throw e;
            }
        }
    }

    /**
     * A result file of the order for download, checksum verified; only the buyer organisation's
     * members, the operator's staff and platform admins (anyone else: 404).
     */
    public Download download(Actor actor, long id, long fileId) {
        ServiceOrder o = bookings.get(actor, id); // 404 ORDER_NOT_FOUND for outsiders
        return jdbc.read(c -> {
            boolean ofOrder = Jdbc.count(c, "SELECT COUNT(*) FROM order_result_file WHERE order_id = ? AND file_id = ?",
                    o.id(), fileId) == 1;
            if (!ofOrder) {
                throw new ApiException.NotFound("FILE_NOT_FOUND", "Order " + id + " has no result file " + fileId + ".");
            }
            StoredFile f = files.find(c, fileId).orElseThrow();
            return new Download(f, files.open(c, fileId));
        });
    }

    private ServiceOrder testing(Actor actor, long id) {
        ServiceOrder o = bookings.get(actor, id);
        if (!OrderKind.TESTING.name().equals(o.kind())) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "NOT_A_TESTING_ORDER",
                    "Order " + id + " is a " + o.kind() + " order, not a testing-service order (送样检测).");
        }
        return o;
    }

    private TestingOrder view(Connection c, ServiceOrder o) throws SQLException {
        List<TestingOrder.Line> lines = lines(c, o.id());
        record Head(String description, String courier, String tracking, Instant shippedAt, Integer turnaround,
                    Instant received) {
        }
        Head h = Jdbc.one(c, "SELECT sample_description, courier, tracking_number, shipped_at, turnaround_days, "
                        + "samples_received_at FROM testing_order WHERE order_id = ?",
                rs -> new Head(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "shipped_at"),
                        (Integer) rs.getObject(5, Integer.class), Jdbc.instant(rs, "samples_received_at")), o.id())
                .orElseThrow();
        List<StoredFile> results = Jdbc.list(c, """
                SELECT f.id, f.original_name, f.content_type, f.size_bytes, f.sha256, f.created_by, f.created_at
                FROM order_result_file r JOIN stored_file f ON f.id = r.file_id WHERE r.order_id = ? ORDER BY f.id""",
                rs -> new StoredFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getLong(6), Jdbc.instant(rs, "created_at")), o.id());
        boolean pending = lines.stream().anyMatch(l -> l.unitPriceFen() == null);
        TestingOrder.Shipping shipping = h.courier() == null ? null
                : new TestingOrder.Shipping(h.courier(), h.tracking(), h.shippedAt());
        return new TestingOrder(o, lines, pending, h.turnaround(), h.description(), shipping, h.received(), results);
    }

    static List<TestingOrder.Line> lines(Connection c, long orderId) throws SQLException {
        return Jdbc.list(c, "SELECT id, service_item_id, item_name, sample_count, on_request, unit_price_fen, "
                        + "line_total_fen, turnaround_days FROM testing_order_line WHERE order_id = ? ORDER BY id",
                rs -> new TestingOrder.Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                        (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class),
                        (Integer) rs.getObject(8, Integer.class)), orderId);
    }

    private record Item(long id, String name, Long unitPriceFen, String currency, Integer turnaroundDays) {
    }

    private static Map<Long, Item> items(Connection c, long instrumentId) throws SQLException {
        Map<Long, Item> out = new HashMap<>();
        for (Item i : Jdbc.list(c, "SELECT id, name, unit_price_fen, currency, turnaround_days FROM service_item "
                        + "WHERE instrument_id = ? AND active", rs -> new Item(rs.getLong(1), rs.getString(2),
                (Long) rs.getObject(3, Long.class), rs.getString(4), (Integer) rs.getObject(5, Integer.class)), instrumentId)) {
            out.put(i.id(), i);
        }
        return out;
    }

    private static ShippingDetails shipping(String courier, String tracking, boolean optional) {
        String co = text(courier);
        String tr = text(tracking);
        if (co == null && tr == null && optional) {
            return null;
        }
        if (co == null || tr == null || co.length() > 64 || tr.length() > 64) {
            throw new ApiException.ValidationFailed(co == null ? "courier" : "trackingNumber", "SHIPPING_INCOMPLETE",
                    "Give both the courier (快递公司) and the tracking number (运单号), each at most 64 characters.");
        }
        return new ShippingDetails(co, tr);
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ApiException resultsClosed(OrderState state) {
        return new ApiException.RuleViolation(HttpStatus.CONFLICT, "RESULTS_CLOSED", "Results are uploaded while the "
                + "samples are being tested (IN_SERVICE); this order is " + state + ".");
    }

    private static ApiException rule(String code, String message) {
        return new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }

    /** The rules of the table that need the testing tables: quote before accepting, results before delivering. */
    @Singleton
    static class Guards implements CommandGuard, OrderTransitionListener {

        @Override
        public void check(Connection c, ServiceOrder before, Transition t) throws SQLException {
            if (!OrderKind.TESTING.name().equals(before.kind())) {
                return;
            }
            if (t.command() == Command.ACCEPT && Jdbc.count(c, "SELECT COUNT(*) FROM testing_order_line WHERE order_id = ? "
                    + "AND unit_price_fen IS NULL", before.id()) > 0) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "QUOTE_REQUIRED", "Some items of this order are "
                        + "priced on request (面议): accept it with a quote (POST /api/v1/orders/" + before.id() + "/quote).");
            }
            if (t.command() == Command.DELIVER && Jdbc.count(c, "SELECT COUNT(*) FROM order_result_file WHERE order_id = ?",
                    before.id()) == 0) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "RESULTS_REQUIRED",
                        "Upload at least one result file before delivering.");
            }
        }

        @Override
        public void onTransition(Connection c, ServiceOrder before, Transition t, Instant now) throws SQLException {
            if (t.command() == Command.RECEIVE_SAMPLES) {
                Jdbc.update(c, "UPDATE testing_order SET samples_received_at = ? WHERE order_id = ?", now, before.id());
            }
        }
    }

}
