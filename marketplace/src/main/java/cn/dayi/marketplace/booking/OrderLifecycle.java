package cn.dayi.marketplace.booking;

import static cn.dayi.marketplace.booking.OrderState.ACCEPTED;
import static cn.dayi.marketplace.booking.OrderState.AWAITING_PAYMENT;
import static cn.dayi.marketplace.booking.OrderState.CANCELLED;
import static cn.dayi.marketplace.booking.OrderState.COMPLETED;
import static cn.dayi.marketplace.booking.OrderState.CONFIRMED;
import static cn.dayi.marketplace.booking.OrderState.EXPIRED;
import static cn.dayi.marketplace.booking.OrderState.IN_SERVICE;
import static cn.dayi.marketplace.booking.OrderState.NO_SHOW;
import static cn.dayi.marketplace.booking.OrderState.REJECTED;
import static cn.dayi.marketplace.booking.OrderState.REVIEWED;
import static cn.dayi.marketplace.booking.OrderState.SUBMITTED;

import cn.dayi.marketplace.account.Role;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one transition table of a service order: which command moves which states to which, which
 * party gives it and with which roles in its organisation, the past-tense event it records and
 * whether a reason is required. {@code ACCEPT} goes straight from SUBMITTED to AWAITING_PAYMENT
 * (recording ACCEPTED); {@link OrderState#ACCEPTED} is kept for orders without a payment step.
 * Moving to a state that does not {@link OrderState#holdsSlots() hold slots} frees them.
 *
 * <p>Paying with an innovation voucher is the buyer's checkout from AWAITING_PAYMENT: {@code
 * APPLY_VOUCHER} holds a voucher for part of the total and stays AWAITING_PAYMENT (the payment
 * deadline unchanged) until the rest is paid in cash ({@link Bookings#cashDueFen}); {@code
 * PAY_BY_VOUCHER} holds a voucher for the whole total and confirms the order at once. Both are
 * buyer commands because the buyer's commitment is the moment money is promised; the operator has
 * already accepted the order, so no separate ACCEPTED stop is needed.
 *
 * <p>Both {@link OrderKind kinds} share the table; a row names the kinds it applies to. A TESTING
 * order (送样检测) whose items are priced on request (面议) is accepted with a quote ({@code QUOTE}:
 * SUBMITTED → ACCEPTED), and waits there for the buyer to accept the quote ({@code ACCEPT_QUOTE} →
 * AWAITING_PAYMENT) or decline it ({@code DECLINE_QUOTE} → CANCELLED); after payment the operator
 * marks the samples received ({@code RECEIVE_SAMPLES} → IN_SERVICE) and delivers the results
 * ({@code DELIVER} → COMPLETED). Either kind, once COMPLETED, is reviewed by the buyer ({@code REVIEW}
 * → REVIEWED).
 */
public final class OrderLifecycle {

    /**
     * Which party gives a command. {@code PROVIDER} is the payment provider (Stripe), heard through a
     * signature-checked webhook or asked by reconciliation; no person gives its commands.
     */
    public enum Party { BUYER, OPERATOR, SCHEDULER, PROVIDER }

    /** What a party asks for. */
    public enum Command {
        ACCEPT, REJECT, RECORD_BANK_TRANSFER, PAY_BY_CARD, CHECK_IN, CHECK_OUT, NO_SHOW, CANCEL, EXPIRE,
        /** The buyer commits to pay: the best voucher is held for part of the total; the rest stays due in cash. */
        APPLY_VOUCHER,
        /** The buyer commits to pay and the voucher held covers the whole total: confirmed with no cash payment. */
        PAY_BY_VOUCHER,
        QUOTE, ACCEPT_QUOTE, DECLINE_QUOTE, RECEIVE_SAMPLES, DELIVER, REVIEW
    }

    /** How long the operator has to answer a new order (the hold ends sooner if the booking starts sooner). */
    public static final Duration ANSWER_WITHIN = Duration.ofHours(24);
    /** How long the buyer has to pay an accepted order (ditto). */
    public static final Duration PAY_WITHIN = Duration.ofHours(48);
    /** How long after the start the operator must wait before marking a no-show. */
    public static final Duration NO_SHOW_GRACE = Duration.ofMinutes(15);

    /**
     * One row of the table.
     *
     * @param roles roles (in the buyer's or the operator's organisation) that may give the command
     * @param kinds the kinds of order the command applies to
     */
    public record Transition(Command command, Set<OrderState> from, OrderState to, Party by, Set<Role> roles,
                             String event, boolean reasonRequired, Set<OrderKind> kinds) {

        /** A row for both kinds. */
        public Transition(Command command, Set<OrderState> from, OrderState to, Party by, Set<Role> roles,
                          String event, boolean reasonRequired) {
            this(command, from, to, by, roles, event, reasonRequired, EnumSet.allOf(OrderKind.class));
        }

        public boolean appliesTo(OrderKind kind) {
            return kinds.contains(kind);
        }
    }

    private static final Set<OrderKind> MACHINE_TIME = EnumSet.of(OrderKind.MACHINE_TIME);
    private static final Set<OrderKind> TESTING = EnumSet.of(OrderKind.TESTING);

    private static final Set<Role> OPERATOR_STAFF = EnumSet.of(Role.OPERATOR_MANAGER, Role.OPERATOR_TECHNICIAN);
    private static final Set<Role> OPERATOR_MONEY = EnumSet.of(Role.OPERATOR_MANAGER, Role.OPERATOR_FINANCE);

    public static final List<Transition> TABLE = List.of(
            new Transition(Command.ACCEPT, EnumSet.of(SUBMITTED), AWAITING_PAYMENT, Party.OPERATOR, OPERATOR_STAFF,
                    "ACCEPTED", false),
            new Transition(Command.REJECT, EnumSet.of(SUBMITTED), REJECTED, Party.OPERATOR, OPERATOR_STAFF,
                    "REJECTED", true),
            new Transition(Command.RECORD_BANK_TRANSFER, EnumSet.of(AWAITING_PAYMENT), CONFIRMED, Party.OPERATOR,
                    OPERATOR_MONEY, "PAID_BY_BANK_TRANSFER", false),
            new Transition(Command.PAY_BY_CARD, EnumSet.of(AWAITING_PAYMENT), CONFIRMED, Party.PROVIDER,
                    EnumSet.noneOf(Role.class), "PAID_BY_CARD", false),
            new Transition(Command.CHECK_IN, EnumSet.of(CONFIRMED), IN_SERVICE, Party.OPERATOR, OPERATOR_STAFF,
                    "CHECKED_IN", false, MACHINE_TIME),
            new Transition(Command.CHECK_OUT, EnumSet.of(IN_SERVICE), COMPLETED, Party.OPERATOR, OPERATOR_STAFF,
                    "CHECKED_OUT", false, MACHINE_TIME),
            new Transition(Command.NO_SHOW, EnumSet.of(CONFIRMED), NO_SHOW, Party.OPERATOR, OPERATOR_STAFF,
                    "MARKED_NO_SHOW", false, MACHINE_TIME),
            new Transition(Command.CANCEL, EnumSet.of(SUBMITTED, AWAITING_PAYMENT, CONFIRMED), CANCELLED, Party.BUYER,
                    EnumSet.of(Role.BUYER_MEMBER), "CANCELLED", false),
            new Transition(Command.EXPIRE, EnumSet.of(SUBMITTED, AWAITING_PAYMENT), EXPIRED, Party.SCHEDULER,
                    EnumSet.noneOf(Role.class), "EXPIRED", false),
            // vouchers (创新券): the voucher feature holds the amount in an OrderTransitionListener, inside
            // the same transaction, and refuses (rolls the move back) when the voucher no longer fits
            new Transition(Command.APPLY_VOUCHER, EnumSet.of(AWAITING_PAYMENT), AWAITING_PAYMENT, Party.BUYER,
                    EnumSet.of(Role.BUYER_MEMBER), "VOUCHER_APPLIED", false),
            new Transition(Command.PAY_BY_VOUCHER, EnumSet.of(AWAITING_PAYMENT), CONFIRMED, Party.BUYER,
                    EnumSet.of(Role.BUYER_MEMBER), "PAID_BY_VOUCHER", false),
            // testing orders (送样检测)
            new Transition(Command.QUOTE, EnumSet.of(SUBMITTED), ACCEPTED, Party.OPERATOR, OPERATOR_STAFF,
                    "QUOTED", false, TESTING),
            new Transition(Command.ACCEPT_QUOTE, EnumSet.of(ACCEPTED), AWAITING_PAYMENT, Party.BUYER,
                    EnumSet.of(Role.BUYER_MEMBER), "QUOTE_ACCEPTED", false, TESTING),
            new Transition(Command.DECLINE_QUOTE, EnumSet.of(ACCEPTED), CANCELLED, Party.BUYER,
                    EnumSet.of(Role.BUYER_MEMBER), "QUOTE_DECLINED", true, TESTING), // the operator reads why
            new Transition(Command.RECEIVE_SAMPLES, EnumSet.of(CONFIRMED), IN_SERVICE, Party.OPERATOR, OPERATOR_STAFF,
                    "SAMPLES_RECEIVED", false, TESTING),
            new Transition(Command.DELIVER, EnumSet.of(IN_SERVICE), COMPLETED, Party.OPERATOR, OPERATOR_STAFF,
                    "RESULTS_DELIVERED", false, TESTING),
            // both kinds
            new Transition(Command.REVIEW, EnumSet.of(COMPLETED), REVIEWED, Party.BUYER, EnumSet.of(Role.BUYER_MEMBER),
                    "REVIEWED", false));

    private OrderLifecycle() {
    }

    public static Transition of(Command command) {
        return TABLE.stream().filter(t -> t.command() == command).findFirst().orElseThrow();
    }

    /** The transition {@code command} makes from {@code state}, if it is allowed from there. */
    public static Optional<Transition> from(OrderState state, Command command) {
        Transition t = of(command);
        return t.from().contains(state) ? Optional.of(t) : Optional.empty();
    }

    /** The transition {@code command} makes from {@code state} for an order of {@code kind}, if allowed. */
    public static Optional<Transition> from(OrderKind kind, OrderState state, Command command) {
        return from(state, command).filter(t -> t.appliesTo(kind));
    }

    /** Commands that {@code party} may give in {@code state}. */
    public static List<Command> available(OrderState state, Party party) {
        return TABLE.stream().filter(t -> t.from().contains(state) && t.by() == party).map(Transition::command).toList();
    }

    /** Commands that {@code party} may give in {@code state} on an order of {@code kind}. */
    public static List<Command> available(OrderKind kind, OrderState state, Party party) {
        return TABLE.stream().filter(t -> t.from().contains(state) && t.by() == party && t.appliesTo(kind))
                .map(Transition::command).toList();
    }
}
