package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Registrations;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.OrderLifecycle.Party;
import cn.dayi.marketplace.booking.OrderLifecycle.Transition;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.entrustment.Fleet;
import cn.dayi.marketplace.tariff.BuyerClasses;
import cn.dayi.marketplace.tariff.QuoteView;
import cn.dayi.marketplace.tariff.Tariffs;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.pricing.tariff.ChargeUnit;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Machine-time bookings and their orders.
 *
 * <p><b>No double booking.</b> {@link #book} inserts the {@code service_order} row, its first audit
 * event and one {@code booking_slot} row per slot it covers plus its buffer slots in ONE
 * transaction. {@code booking_slot}'s primary key {@code (instrument_id, slot_start)} lets only one
 * order hold a slot: a concurrent booking of any of those slots waits for the key lock and then
 * fails on the key (→ 409 {@code SLOT_TAKEN}, nothing of it saved), on any number of app nodes. The
 * free-slot check before the insert only makes the common case cheap and the message clear; the
 * key is the guarantee. Orders that end without using their time (REJECTED, CANCELLED, EXPIRED,
 * NO_SHOW) delete their slot rows in the same transaction as the state change.
 *
 * <p>Who may do what: a BUYER_MEMBER books for their organisation (which must be VERIFIED: 422
 * {@code ORGANISATION_NOT_VERIFIED} otherwise, see {@code Registrations}) and cancels its
 * orders; the holding operator's manager or technician accepts, rejects, checks in and out and
 * marks no-shows; its manager or finance staff record bank transfers; the scheduler expires lapsed
 * holds. Members of either side and platform admins see an order; anyone else gets 404.
 *
 * <p>Errors: 404 {@code INSTRUMENT_NOT_FOUND}, {@code ORDER_NOT_FOUND}; 403 {@code FORBIDDEN}; 400
 * {@code INVALID_WINDOW}, {@code NOT_ON_SLOT_GRID}, {@code MODE_REQUIRED}, {@code BUYER_ORGANISATION_REQUIRED},
 * {@code REASON_REQUIRED}, {@code REFERENCE_REQUIRED}; 422 {@code SLOT_IN_PAST}, {@code OUTSIDE_OPENING_HOURS},
 * {@code TOO_SHORT_NOTICE}, {@code TOO_FAR_AHEAD}, {@code BLACKED_OUT}, {@code INSTRUMENT_NOT_SHARED},
 * {@code INSTRUMENT_OUT_OF_SERVICE}, {@code NO_OPERATOR}, {@code NO_TARIFF}, {@code QUALIFICATION_REQUIRED} (SELF_OPERATED
 * without a {@link Qualifications qualification} valid on the booked day), {@code INSTRUMENT_INCIDENT} (an open
 * {@link Incidents incident}),
 * {@code AMOUNT_MISMATCH}; 409 {@code SLOT_TAKEN}, {@code ILLEGAL_TRANSITION}, {@code ORDER_CHANGED},
 * {@code NO_SHOW_TOO_EARLY}, {@code PAYMENT_REFERENCE_USED}.
 */
@Singleton
public class Bookings {

    private static final Logger LOG = LoggerFactory.getLogger(Bookings.class);
    private static final int DEADLOCK_RETRIES = 5;

    private final Jdbc jdbc;
    private final BookingStore store;
    private final Availability availability;
    private final Fleet fleet;
    private final Tariffs tariffs;
    private final Clock clock;
    private final Registrations registrations;
    private final Qualifications qualifications;
    private final List<OrderTransitionListener> listeners;
    private final List<CommandGuard> guards;
    private final ApplicationEventPublisher<OrderTransitioned> events;
    private final List<OrderCover> covers;

    Bookings(Jdbc jdbc, BookingStore store, Availability availability, Fleet fleet, Tariffs tariffs, Clock clock,
             Registrations registrations, List<OrderTransitionListener> listeners, List<CommandGuard> guards,
             ApplicationEventPublisher<OrderTransitioned> events, List<OrderCover> covers,
             Qualifications qualifications) {
        this.covers = covers;
        this.qualifications = qualifications;
        this.registrations = registrations;
        this.guards = guards;
        this.listeners = listeners;
        this.events = events;
        this.jdbc = jdbc;
        this.store = store;
        this.availability = availability;
        this.fleet = fleet;
        this.tariffs = tariffs;
        this.clock = clock;
    }

    /**
     * What a booking would be, checked by every rule {@link #book} applies but saving nothing: the
     * price quote the order would keep and the cancellation terms it would have. The booking pages
     * show this before the buyer commits.
     */
    public record Preview(String instrumentCode, String instrumentName, long buyerOrganisationId, BookingMode mode,
                          Instant start, Instant end, QuoteView quote, CancellationPolicy.Terms cancellation) {
    }

    /** Checks a booking without making it; the same errors as {@link #book}. */
    public Preview preview(Actor actor, String instrumentIdOrCode, NewBooking body) {
        Prepared p = prepare(actor, instrumentIdOrCode, body);
        List<Instant> wanted = p.hold().all();
        if (!jdbc.read(c -> BookingStore.held(c, p.instrument().id(), wanted.get(0),
                wanted.get(wanted.size() - 1).plusSeconds(1))).isEmpty()) {
            throw slotTaken(0); // already taken: say so before the buyer fills in the rest
        }
        return new Preview(p.instrument().code(), p.instrument().name(), p.buyerOrg(), p.booking().mode(),
                p.booking().start(), p.booking().end(), p.quote(),
                CancellationPolicy.terms(OrderState.AWAITING_PAYMENT, p.booking().start(), p.quote().totalFen(), p.now()));
    }

    /** Books machine time; 201 with the order SUBMITTED and its slots held until {@code holdExpiresAt}. */
    public ServiceOrder book(Actor actor, String instrumentIdOrCode, NewBooking body) {
        Prepared p = prepare(actor, instrumentIdOrCode, body);
        Instant holdUntil = earlier(p.now().plus(OrderLifecycle.ANSWER_WITHIN), p.booking().start());
        long id = insertHoldingSlots(actor, p.buyerOrg(), p.operatorId(), p.instrument(), p.booking(), p.note(), p.quote(),
                p.hold(), holdUntil, p.now());
        announce(new OrderTransitioned(id, "SUBMITTED", null, OrderState.SUBMITTED, actor.personId(), null, p.now()));
        return get(actor, id);
    }

    private record Prepared(NewBooking booking, long buyerOrg, BookingStore.Instrument instrument, long operatorId,
                            String note, QuoteView quote, SlotGrid.Hold hold, Instant now) {
    }

    private Prepared prepare(Actor actor, String instrumentIdOrCode, NewBooking body) {
        NewBooking b = body == null ? new NewBooking(null, null, null, null, null) : body;
        long buyerOrg = buyerOrganisation(actor, b.buyerOrganisationId());
        registrations.requireVerified(buyerOrg); // 422 ORGANISATION_NOT_VERIFIED: only verified buyers order
        if (b.mode() == null) {
            throw new ApiException.ValidationFailed("mode", "MODE_REQUIRED",
                    "Say who runs the instrument: STAFF_OPERATED (代操作) or SELF_OPERATED (自主上机).");
        }
        if (b.start() == null || b.end() == null || !b.end().isAfter(b.start())) {
            throw new ApiException.ValidationFailed("end", "INVALID_WINDOW", "Give start and end, end after start.");
        }
        String note = b.note() == null || b.note().isBlank() ? null : b.note().strip();
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
                "No service operator holds instrument " + instrument.code() + ", so nobody can serve a booking."));
        if (b.mode() == BookingMode.SELF_OPERATED) {
            LocalDate day = b.start().atZone(ClockFactory.SHANGHAI).toLocalDate();
            if (!qualifications.holds(actor.personId(), instrument.id(), day)) {
                throw rule("QUALIFICATION_REQUIRED", "Self-operation (自主上机) of " + instrument.code() + " needs a "
                        + "qualification for this instrument valid on " + day + ", granted by its operator after training; "
                        + "you hold none. Book STAFF_OPERATED (代操作) instead, or ask the operator for training.");
            }
        }
        jdbc.read(c -> Incidents.blockedFrom(c, instrument.id())).ifPresent(since -> {
            throw rule("INSTRUMENT_INCIDENT", "Instrument " + instrument.code() + " has a fault reported at "
                    + since.atZone(ClockFactory.SHANGHAI).toLocalDateTime().toString().replace('T', ' ').substring(0, 16)
                    + " that is not resolved yet; it cannot be booked until its operator resolves it.");
        });
        BookingRules rules = availability.rules(instrument.id()).orElseThrow(() -> rule("OUTSIDE_OPENING_HOURS",
                "Instrument " + instrument.code() + " has no opening hours yet; its operator has not opened it for booking."));
        Instant now = clock.instant();
        SlotGrid grid = new SlotGrid(rules, ClockFactory.SHANGHAI);
        List<SlotGrid.Span> blackouts = jdbc.read(c -> BookingStore.blackouts(c, instrument.id(), b.start(), b.end()));
        SlotGrid.Hold hold = grid.check(b.start(), b.end(), now, blackouts);
        QuoteView quote = quote(actor, buyerOrg, instrument, b.start(), b.end());
        return new Prepared(b, buyerOrg, instrument, operatorId, note, quote, hold, now);
    }

    private long insertHoldingSlots(Actor actor, long buyerOrg, long operatorId, BookingStore.Instrument instrument,
                                    NewBooking b, String note, QuoteView quote, SlotGrid.Hold hold, Instant holdUntil,
                                    Instant now) {
        List<Instant> wanted = hold.all();
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.write(c -> {
                    Set<Instant> held = BookingStore.held(c, instrument.id(), wanted.get(0),
                            wanted.get(wanted.size() - 1).plusSeconds(1));
                    if (!held.isEmpty()) {
                        throw slotTaken(held.size());
                    }
                    long id = store.insert(c, instrument, operatorId, buyerOrg, actor.personId(), b.mode(), b.start(), b.end(),
                            note, quote, holdUntil, now);
                    BookingStore.event(c, id, "SUBMITTED", null, OrderState.SUBMITTED, actor.personId(), null, now);
                    BookingStore.hold(c, instrument.id(), id, hold); // the key (instrument_id, slot_start) decides
                    submitted(c, id, now);
                    return id;
                });
            } catch (Jdbc.DataAccessFailure e) {
                if (e.violates("PRIMARY")) {
                    throw slotTaken(0);
                }
                if (isDeadlock(e) && attempt < DEADLOCK_RETRIES) {
                    continue; // InnoDB chose this transaction as a deadlock victim and rolled it back: try again
                }
                throw e;
            }
        }
    }

    /** Gives a lifecycle command as {@code actor}; {@code reason} is required to reject. */
    public ServiceOrder command(Actor actor, long id, Command command, String reason) {
        ServiceOrder o = get(actor, id);
        Transition t = transition(actor, o, command);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (t.reasonRequired() && why == null) {
            throw new ApiException.ValidationFailed("reason", "REASON_REQUIRED", "Say why; the buyer will read it.");
        }
        Instant now = clock.instant();
        if (command == Command.NO_SHOW && now.isBefore(o.start().plus(OrderLifecycle.NO_SHOW_GRACE))) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "NO_SHOW_TOO_EARLY", "A no-show can be marked "
                    + OrderLifecycle.NO_SHOW_GRACE.toMinutes() + " minutes after the start at the earliest.");
        }
        apply(o, t, actor.personId(), why, now, null);
        return get(actor, id);
    }

    /**
     * The transition {@code command} makes on {@code o} when {@code actor} gives it: 403 {@code FORBIDDEN}
     * for the wrong party, 409 {@code ILLEGAL_TRANSITION} when the table has no such move from the
     * order's state for its kind.
     */
    Transition transition(Actor actor, ServiceOrder o, Command command) {
        Party party = requireParty(actor, o, command);
        OrderKind kind = OrderKind.valueOf(o.kind());
        return OrderLifecycle.from(kind, o.state(), command).orElseThrow(() -> new ApiException.RuleViolation(
                HttpStatus.CONFLICT, "ILLEGAL_TRANSITION", "An order that is " + o.state() + " cannot be "
                + command.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "; possible now: "
                + OrderLifecycle.available(kind, o.state(), party) + "."));
    }

    /** Records an offline bank transfer (对公转账) for an order awaiting payment; it becomes CONFIRMED. */
    public ServiceOrder recordBankTransfer(Actor actor, long id, BankTransfer transfer) {
        ServiceOrder o = get(actor, id);
        Party party = requireParty(actor, o, Command.RECORD_BANK_TRANSFER);
        Transition t = OrderLifecycle.from(o.state(), Command.RECORD_BANK_TRANSFER).orElseThrow(() ->
                new ApiException.RuleViolation(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION", "An order that is " + o.state()
                        + " cannot take a payment; possible now: " + OrderLifecycle.available(o.state(), party) + "."));
        String reference = transfer == null || transfer.reference() == null ? "" : transfer.reference().strip();
        if (reference.isEmpty() || reference.length() > 64) {
            throw new ApiException.ValidationFailed("reference", "REFERENCE_REQUIRED",
                    "Give the bank's transaction reference (流水号), 1 to 64 characters.");
        }
        long due = cashDueFen(o.id());
        if (transfer.amountFen() == null || transfer.amountFen() != due) {
            throw rule("AMOUNT_MISMATCH", "The order's total is " + o.totalFen() + " fen"
                    + (due == o.totalFen() ? "" : ", of which " + due + " fen is due in cash (the rest is paid by voucher)")
                    + "; a transfer of " + transfer.amountFen() + " fen does not settle it. Partial and over-payments "
                    + "are not recorded here.");
        }
        Instant now = clock.instant();
        try {
            apply(o, t, actor.personId(), "bank reference " + reference, now, c -> BookingStore.payment(c, o.id(),
                    transfer.amountFen(), o.currency(), reference, actor.personId(), now));
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("uq_payment_reference")) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "PAYMENT_REFERENCE_USED",
                        "Bank reference " + reference + " has already been recorded for another order.");
            }
            if (e.violates("uq_payment_order")) {
                throw changed();
            }
            throw e;
        }
        return get(actor, id);
    }

    /**
     * What the buyer still owes in cash for order {@code orderId}: its total less every non-cash
     * cover ({@link OrderCover}, i.e. the innovation voucher held or captured for it), fen, never
     * below 0. Card payments charge this amount and bank transfers must equal it. 404 {@code
     * ORDER_NOT_FOUND} when there is no such order (no access check: callers have checked already).
     */
    public long cashDueFen(long orderId) {
        return jdbc.read(c -> cashDueFen(c, orderId));
    }

    /** {@link #cashDueFen(long)} read on the caller's connection (inside its transaction when it has one). */
    public long cashDueFen(Connection c, long orderId) throws SQLException {
        long total = Jdbc.one(c, "SELECT total_fen FROM service_order WHERE id = ?", rs -> rs.getLong(1), orderId)
                .orElseThrow(() -> new ApiException.NotFound("ORDER_NOT_FOUND", "There is no order " + orderId + "."));
        long covered = 0;
        for (OrderCover cover : covers) {
            covered += cover.coveredFen(c, orderId);
        }
        return Math.max(0, total - covered);
    }

    /** Expires orders whose hold lapsed by {@code now}, freeing their slots; returns how many. Idempotent. */
    public int expireDue(Instant now) {
        int n = 0;
        for (long id : jdbc.read(c -> BookingStore.holdsDue(c, now))) {
            ServiceOrder o = jdbc.read(c -> store.find(c, id)).orElseThrow();
            Optional<Transition> t = OrderLifecycle.from(o.state(), Command.EXPIRE);
            if (t.isEmpty() || o.holdExpiresAt() == null || o.holdExpiresAt().isAfter(now)) {
                continue;
            }
            try {
                apply(o, t.get(), null, o.state() == OrderState.SUBMITTED ? "not answered in time" : "not paid in time",
                        now, null);
                n++;
            } catch (ApiException.RuleViolation concurrentlyChanged) {
                // answered, paid or cancelled a moment ago: nothing to expire
            }
        }
        return n;
    }

    /** One order with its audit trail; 404 when it does not exist or the actor is on neither side. */
    public ServiceOrder get(Actor actor, long id) {
        Optional<ServiceOrder> found = jdbc.read(c -> store.find(c, id));
        if (found.isEmpty() || !canSee(actor, found.get())) {
            throw new ApiException.NotFound("ORDER_NOT_FOUND", "There is no order " + id + " that you can see.");
        }
        return withTerms(found.get());
    }

    /** Orders served by {@code operatorId}, optionally in one state; its staff and platform admins. */
    public List<ServiceOrder> ofOperator(Actor actor, long operatorId, OrderState state) {
        if (!actor.isPlatformAdmin() && !actor.isOperatorStaff(operatorId)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the operator's own staff see its orders.");
        }
        return jdbc.read(c -> store.ofOperator(c, operatorId, state)).stream().map(this::withTerms).toList();
    }

    /** Orders of the buyer organisation; its BUYER_MEMBERs and platform admins. */
    public List<ServiceOrder> ofBuyer(Actor actor, long organisationId) {
        if (!actor.isPlatformAdmin() && !actor.hasRoleIn(organisationId, Role.BUYER_MEMBER)) {
            throw new ApiException.Forbidden("FORBIDDEN", "Only the organisation's buyer members see its orders.");
        }
        return jdbc.read(c -> store.ofBuyer(c, organisationId)).stream().map(this::withTerms).toList();
    }

    /** Work that commits or rolls back with an order's state move (e.g. the payment record). */
    @FunctionalInterface
    public interface Extra {
        void apply(java.sql.Connection c) throws SQLException;
    }

    /**
     * Moves {@code o} by {@code t} in one transaction (see {@link #moveOn}), then announces it. A transaction the
     * database rolled back to break a deadlock is run again (up to 3 times in all): the move and its listeners only
     * write through the connection (found by the checkout benchmark: 8 buyers holding vouchers of one programme at
     * once deadlocked on {@code voucher_use} gap locks and got a 500).
     */
    void apply(ServiceOrder o, Transition t, Long actorPersonId, String reason, Instant now, Extra extra) {
        OrderTransitioned done = jdbc.writeRetryingDeadlocks(3, c -> moveOn(c, o, t, actorPersonId, reason, now, extra));
        announce(done);
    }

    /**
     * The payment provider's moves (e.g. {@link Command#PAY_BY_CARD}), inside the CALLER's transaction
     * {@code c}: locks the order row, and if {@code command} is allowed from the order's state now,
     * moves it, writes its audit event, runs {@code extra} and the {@link OrderTransitionListener}s on
     * {@code c}. Nothing is announced: the caller passes the result to {@link #announce} after its commit.
     *
     * @return the move made, or empty when the order is not in a state the command leaves (nothing written)
     */
    public Optional<OrderTransitioned> moveByProvider(java.sql.Connection c, long orderId, Command command, String reason,
                                                      Instant now, Extra extra) throws SQLException {
        Transition t = OrderLifecycle.of(command);
        if (t.by() != Party.PROVIDER) {
            throw new IllegalArgumentException(command + " is not the payment provider's command");
        }
        Jdbc.one(c, "SELECT id FROM service_order WHERE id = ? FOR UPDATE", rs -> rs.getLong(1), orderId);
        ServiceOrder o = store.find(c, orderId).orElseThrow();
        if (!t.from().contains(o.state())) {
            return Optional.empty();
        }
        return Optional.of(moveOn(c, o, t, null, reason, now, extra));
    }

    private OrderTransitioned moveOn(java.sql.Connection c, ServiceOrder o, Transition t, Long actorPersonId, String reason,
                                     Instant now, Extra extra) throws SQLException {
        Instant holdUntil = switch (t.to()) {
            case SUBMITTED -> o.holdExpiresAt();
            case AWAITING_PAYMENT -> o.state() == OrderState.AWAITING_PAYMENT ? o.holdExpiresAt() // a voucher applied
                    : o.start() == null ? now.plus(OrderLifecycle.PAY_WITHIN) // a testing order has no start
                    : earlier(now.plus(OrderLifecycle.PAY_WITHIN), o.start());
            default -> null;
        };
        Long fee = t.command() != Command.CANCEL ? null : o.start() == null ? Long.valueOf(0)
                : CancellationPolicy.feeFen(o.state(), o.start(), o.totalFen(), now);
        String why = fee != null && fee > 0 ? (reason == null ? "" : reason + "; ") + "late cancellation fee " + fee + " fen"
                : reason;
        for (CommandGuard guard : guards) {
            guard.check(c, o, t);
        }
        if (!BookingStore.move(c, o.id(), o.version(), t.to(), holdUntil, fee, now)) {
            throw changed();
        }
        if (o.state().holdsSlots() && !t.to().holdsSlots()) {
            BookingStore.release(c, o.id());
        }
        BookingStore.event(c, o.id(), t.event(), o.state(), t.to(), actorPersonId, why, now);
        if (extra != null) {
            extra.apply(c);
        }
        for (OrderTransitionListener listener : listeners) {
            listener.onTransition(c, o, t, now);
        }
        return new OrderTransitioned(o.id(), t.event(), o.state(), t.to(), actorPersonId, why, now);
    }

    /** Tells the in-transaction listeners of a new order (e.g. notifications, committed with the order). */
    void submitted(Connection c, long orderId, Instant now) throws SQLException {
        for (OrderTransitionListener listener : listeners) {
            listener.onSubmitted(c, orderId, now);
        }
    }

    /** Tells listeners after the commit; their failure is logged, never turned into the caller's error. */
    public void announce(OrderTransitioned event) {
        try {
            events.publishEvent(event);
        } catch (RuntimeException e) {
            LOG.error("A listener failed on {} of order {}; the order itself is saved", event.event(), event.orderId(), e);
        }
    }

    private QuoteView quote(Actor actor, long buyerOrg, BookingStore.Instrument instrument, Instant start, Instant end) {
        long minutes = Duration.between(start, end).toMinutes();
        BigDecimal hours = BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 4, java.math.RoundingMode.UNNECESSARY)
                .stripTrailingZeros();
        Actor asBuyer = new Actor(actor.personId(), actor.email(), actor.displayName(), actor.memberships().stream()
                .filter(m -> m.organisationId() == buyerOrg).toList());
        QuoteView q;
        try {
            q = tariffs.quote(Long.toString(instrument.id()), null, BuyerClasses.of(Optional.of(asBuyer), instrument.ownerId()),
                    hours, start.atZone(ClockFactory.SHANGHAI), end.atZone(ClockFactory.SHANGHAI), false);
        } catch (ApiException e) {
            if ("NO_TARIFF_IN_EFFECT".equals(e.code())) {
                throw noTariff(instrument);
            }
            throw e;
        }
        if (q.chargeUnit() != ChargeUnit.HOUR) {
            throw noTariff(instrument);
        }
        return q;
    }

    long buyerOrganisation(Actor actor, Long requested) {
        Set<Long> orgs = actor.organisationsWith(Role.BUYER_MEMBER);
        if (requested != null) {
            actor.requireRoleIn(requested, Role.BUYER_MEMBER);
            return requested;
        }
        if (orgs.isEmpty()) {
            throw new ApiException.Forbidden("FORBIDDEN", "Booking needs the role BUYER_MEMBER in an organisation.");
        }
        if (orgs.size() > 1) {
            throw new ApiException.ValidationFailed("buyerOrganisationId", "BUYER_ORGANISATION_REQUIRED",
                    "You buy for several organisations; say which one orders (buyerOrganisationId).");
        }
        return orgs.iterator().next();
    }

    private static Party requireParty(Actor actor, ServiceOrder o, Command command) {
        Transition t = OrderLifecycle.of(command);
        Role[] roles = t.roles().toArray(Role[]::new);
        boolean ok = switch (t.by()) {
            case BUYER -> actor.hasRoleIn(o.buyerOrganisation().id(), roles);
            case OPERATOR -> actor.hasRoleIn(o.operator().id(), roles);
            case SCHEDULER, PROVIDER -> false;
        };
        if (!ok) {
            throw new ApiException.Forbidden("FORBIDDEN", "This needs the role " + t.roles() + " in the "
                    + (t.by() == Party.BUYER ? "buyer's organisation" : "operator that serves the order") + ".");
        }
        return t.by();
    }

    private static boolean canSee(Actor actor, ServiceOrder o) {
        return actor.isPlatformAdmin() || actor.isOperatorStaff(o.operator().id())
                || actor.hasRoleIn(o.buyerOrganisation().id(), Role.BUYER_MEMBER);
    }

    private ServiceOrder withTerms(ServiceOrder o) {
        CancellationPolicy.Terms terms = o.state().isFinal() || o.state() == OrderState.IN_SERVICE || o.start() == null ? null
                : CancellationPolicy.terms(o.state(), o.start(), o.totalFen(), clock.instant());
        return new ServiceOrder(o.id(), o.kind(), o.state(), o.mode(), o.instrument(), o.operator(), o.buyerOrganisation(),
                o.buyerPerson(), o.start(), o.end(), o.note(), o.quote(), o.totalFen(), o.currency(), o.holdExpiresAt(),
                o.cancellationFeeFen(), terms, o.payment(), o.history(), o.version());
    }

    private static boolean isDeadlock(Jdbc.DataAccessFailure e) {
        return e.getCause() instanceof SQLException s && ("40001".equals(s.getSQLState()) || s.getErrorCode() == 1213
                || s.getErrorCode() == 1205);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static ApiException slotTaken(int n) {
        return new ApiException.RuleViolation(HttpStatus.CONFLICT, "SLOT_TAKEN",
                "Some of this time is already booked by someone else; pick another time from the availability.");
    }

    static ApiException changed() {
        return new ApiException.RuleViolation(HttpStatus.CONFLICT, "ORDER_CHANGED",
                "Someone else changed this order a moment ago; reload it and try again.");
    }

    private static ApiException noTariff(BookingStore.Instrument instrument) {
        return rule("NO_TARIFF", "Instrument " + instrument.code() + " has no hourly tariff in effect on that day, "
                + "so machine time cannot be priced; ask the operator (面议).");
    }

    private static ApiException rule(String code, String message) {
        return new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, code, message);
    }

}
