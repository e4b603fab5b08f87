package cn.dayi.marketplace.voucher;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.account.Role;
import cn.dayi.marketplace.booking.Bookings;
import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.voucher.VoucherRule.GrantFacts;
import cn.dayi.marketplace.voucher.VoucherRule.OrderFacts;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer's side of vouchers on an order (无感直兑: the best voucher applies by itself, nothing
 * to file): {@link #preview} shows what a voucher pays and what is left in cash before paying;
 * {@link #checkout} commits — the order moves by {@code PAY_BY_VOUCHER} (the voucher pays it all:
 * CONFIRMED at once) or {@code APPLY_VOUCHER} (part voucher: still AWAITING_PAYMENT for the cash
 * rest, {@link Bookings#cashDueFen}), and {@link VoucherHolds} holds the voucher in that move's
 * transaction.
 *
 * <p>Errors: 404 {@code ORDER_NOT_FOUND}; 403 {@code FORBIDDEN} (checkout: BUYER_MEMBER of the
 * buyer only); 409 {@code ILLEGAL_TRANSITION} (not AWAITING_PAYMENT), {@code VOUCHER_ALREADY_APPLIED},
 * {@code VOUCHER_CHANGED} (after three tries); 422 {@code NO_VOUCHER_APPLIES}.
 */
@Singleton
public class VoucherCheckout {

    private static final int TRIES = 3;

    private final Jdbc jdbc;
    private final Bookings bookings;
    private final Clock clock;

    VoucherCheckout(Jdbc jdbc, Bookings bookings, Clock clock) {
        this.jdbc = jdbc;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** The order after checkout and its voucher part. */
    @Serdeable
    public record Checkout(ServiceOrder order, OrderVoucher voucher) {
    }

    /** What the voucher pays of order {@code orderId} (held or captured), or would pay if checked out now. */
    public OrderVoucher preview(Actor actor, long orderId) {
        ServiceOrder order = bookings.get(actor, orderId); // 404 unless the actor is on either side
        return view(order);
    }

    /** The buyer commits to pay order {@code orderId}: the best voucher is held; see the class comment. */
    public Checkout checkout(Actor actor, long orderId) {
        for (int attempt = 1; ; attempt++) {
            ServiceOrder order = bookings.get(actor, orderId);
            if (!actor.hasRoleIn(order.buyerOrganisation().id(), Role.BUYER_MEMBER)) {
                throw new ApiException.Forbidden("FORBIDDEN", "Only a buyer member of the ordering organisation checks out.");
            }
            OrderVoucher v = view(order);
            if (!"PREVIEW".equals(v.state())) {
                if ("HELD".equals(v.state()) || "CAPTURED".equals(v.state())) {
                    throw new ApiException.RuleViolation(io.micronaut.http.HttpStatus.CONFLICT, "VOUCHER_ALREADY_APPLIED",
                            "A voucher already pays " + v.voucherFen() + " fen of this order; pay the rest in cash.");
                }
                throw new ApiException.RuleViolation(io.micronaut.http.HttpStatus.UNPROCESSABLE_ENTITY,
                        "NO_VOUCHER_APPLIES", "None of your organisation's innovation vouchers can pay for this order "
                        + "(see the voucher preview for why); pay in cash.");
            }
            Command command = v.voucherFen() >= order.totalFen() ? Command.PAY_BY_VOUCHER : Command.APPLY_VOUCHER;
            try {
                ServiceOrder moved = bookings.command(actor, orderId, command, null);
                return new Checkout(moved, view(moved));
            } catch (ApiException e) {
                if (!"VOUCHER_CHANGED".equals(e.code()) || attempt >= TRIES) {
                    throw e;
                }
            }
        }
    }

    private OrderVoucher view(ServiceOrder order) {
        Instant now = clock.instant();
        return jdbc.read(c -> {
            VoucherStore.OrderRow o = VoucherStore.order(c, order.id()).orElseThrow();
            Map<Long, String> names = new java.util.HashMap<>();
            for (Object[] p : Jdbc.list(c, "SELECT p.id, p.name FROM voucher_programme p JOIN voucher_grant g "
                    + "ON g.programme_id = p.id WHERE g.enterprise_id = ?", rs -> new Object[] {rs.getLong(1), rs.getString(2)},
                    o.buyerId())) {
                names.put((Long) p[0], (String) p[1]);
            }
            Optional<VoucherStore.UseRow> subsidy = VoucherStore.use(c, order.id(), "SUBSIDY");
            Long subsidyFen = subsidy.filter(u -> !"RELEASED".equals(u.state())).map(VoucherStore.UseRow::amountFen).orElse(null);
            Optional<VoucherStore.UseRow> use = VoucherStore.use(c, order.id(), "VOUCHER");
            if (use.isPresent()) {
                VoucherStore.UseRow u = use.get();
                long programme = Jdbc.count(c, "SELECT programme_id FROM voucher_grant WHERE id = ?", u.grantId());
                long paid = "RELEASED".equals(u.state()) ? 0 : u.amountFen();
                return new OrderVoucher(order.id(), order.totalFen(), order.currency(), u.state(), u.grantId(), programme,
                        names.get(programme), u.amountFen(), Math.max(0, order.totalFen() - paid), subsidyFen, List.of());
            }
            OrderFacts facts = VoucherHolds.facts(c, o, o.totalFen(), now);
            List<GrantFacts> grants = VoucherStore.grantFacts(c, o.buyerId(), facts.on(), false);
            List<OrderVoucher.Considered> considered = new ArrayList<>();
            for (GrantFacts g : grants) {
                long pays = g.terms().type() == ProgrammeType.STANDARD ? VoucherRule.amountFen(facts, g) : 0;
                String why = g.terms().type() != ProgrammeType.STANDARD ? "SUBSIDY_AFTER_COMPLETION"
                        : VoucherRule.whyNot(facts, g) != null ? VoucherRule.whyNot(facts, g) : pays == 0 ? "NOTHING_LEFT" : null;
                considered.add(new OrderVoucher.Considered(g.grantId(), g.terms().programmeId(),
                        names.get(g.terms().programmeId()), g.terms().type().name(), g.availableFen(), pays, why));
            }
            Optional<VoucherRule.Decision> best = VoucherRule.best(facts, grants, ProgrammeType.STANDARD);
            if (best.isEmpty()) {
                return new OrderVoucher(order.id(), order.totalFen(), order.currency(), "NONE", null, null, null, 0,
                        order.totalFen(), subsidyFen, considered);
            }
            VoucherRule.Decision d = best.get();
            return new OrderVoucher(order.id(), order.totalFen(), order.currency(), "PREVIEW", d.grantId(), d.programmeId(),
                    names.get(d.programmeId()), d.amountFen(), order.totalFen() - d.amountFen(), subsidyFen, considered);
        });
    }
}
