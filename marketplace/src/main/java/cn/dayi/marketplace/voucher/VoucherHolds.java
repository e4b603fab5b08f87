package cn.dayi.marketplace.voucher;

import cn.dayi.marketplace.booking.OrderCover;
import cn.dayi.marketplace.booking.OrderLifecycle;
import cn.dayi.marketplace.booking.OrderTransitionListener;
import cn.dayi.marketplace.booking.ServiceOrder;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.voucher.VoucherRule.Decision;
import cn.dayi.marketplace.voucher.VoucherRule.GrantFacts;
import cn.dayi.marketplace.voucher.VoucherRule.OrderFacts;
import cn.dayi.marketplace.web.ApiException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Moves the voucher part of an order with the order, inside the transaction that moves it
 * ({@link OrderTransitionListener}): {@code APPLY_VOUCHER} / {@code PAY_BY_VOUCHER} hold the best
 * voucher (the buyer's grant rows locked, the quota taken by a conditional UPDATE), {@code
 * CHECK_OUT} captures it and records a post-payment subsidy claim where a subsidy programme applies,
 * and {@code CANCEL}, {@code EXPIRE}, {@code NO_SHOW} release it. A refund of the order gives its
 * voucher share back ({@link #giveBack}, in the refund's transaction, the order locked): the use then pays less
 * ({@code amount_fen}) and remembers what went back ({@code refunded_fen}); given back wholly it is RELEASED. Also tells booking how much of an order is not
 * due in cash ({@link OrderCover}).
 *
 * <p>Errors (the order move is rolled back): 422 {@code NO_VOUCHER_APPLIES}; 409 {@code
 * VOUCHER_ALREADY_APPLIED}, {@code VOUCHER_CHANGED} (the quota moved meanwhile: look again).
 */
@Singleton
public class VoucherHolds implements OrderTransitionListener, OrderCover {

    @Override
    public void onTransition(Connection c, ServiceOrder before, OrderLifecycle.Transition t, Instant now)
            throws SQLException {
        switch (t.command()) {
            case APPLY_VOUCHER, PAY_BY_VOUCHER -> hold(c, before.id(), t.command() == OrderLifecycle.Command.PAY_BY_VOUCHER, now);
            case CHECK_OUT -> complete(c, before.id(), now);
            case CANCEL, EXPIRE, NO_SHOW, REJECT -> release(c, before.id(), t.event(), now);
            default -> {
            }
        }
    }

    @Override
    public long coveredFen(Connection c, long orderId) throws SQLException {
        return Jdbc.count(c, "SELECT COALESCE(SUM(amount_fen), 0) FROM voucher_use WHERE order_id = ? AND kind = 'VOUCHER' "
                + "AND state IN ('HELD', 'CAPTURED')", orderId);
    }

    /**
     * What of the order's voucher part a refund may still give back, fen: what the voucher still pays of the order
     * (HELD or CAPTURED); 0 without a voucher or once it is released.
     */
    public long refundableFen(Connection c, long orderId) throws SQLException {
        Optional<VoucherStore.UseRow> use = VoucherStore.use(c, orderId, "VOUCHER");
        return use.filter(u -> !"RELEASED".equals(u.state())).map(VoucherStore.UseRow::amountFen).orElse(0L);
    }

    /**
     * Checks that {@code fen} of the order's voucher part may be given back now: not while it is in a claim on the
     * fiscal fund that is SUBMITTED (the fiscal officer rejects it first, which frees it) or APPROVED (the fund has
     * agreed to pay it). No-op for 0.
     *
     * @throws ApiException.RuleViolation 409 {@code VOUCHER_CLAIMED}
     */
    public void requireRefundable(Connection c, long orderId, long fen) throws SQLException {
        if (fen <= 0) {
            return;
        }
        Optional<VoucherStore.UseRow> use = VoucherStore.use(c, orderId, "VOUCHER");
        if (use.isPresent() && use.get().claimId() != null) {
            String state = Jdbc.one(c, "SELECT state FROM voucher_claim WHERE id = ?", rs -> rs.getString(1),
                    use.get().claimId()).orElse("SUBMITTED");
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "VOUCHER_CLAIMED",
                    "The voucher part of order " + orderId + " is in redemption claim " + use.get().claimId() + " ("
                            + state + ") on the fiscal fund, so it cannot go back to the buyer's grant"
                            + ("APPROVED".equals(state) ? "." : " unless the fiscal officer rejects that claim first."));
        }
    }

    /**
     * A refund gives {@code fen} of the order's voucher part back to the buyer's grant (held or captured quota is
     * freed; lost to expiry if the grant has lapsed) in the caller's transaction, which has locked the order; the
     * part given back is no longer claimable by the operator. A use given back wholly is RELEASED (REFUNDED).
     *
     * @throws ApiException.RuleViolation 409 {@code VOUCHER_CLAIMED} (see {@link #requireRefundable})
     * @throws IllegalArgumentException   when {@code fen} exceeds {@link #refundableFen}
     */
    public void giveBack(Connection c, long orderId, long fen, Instant now) throws SQLException {
        if (fen <= 0) {
            return;
        }
        requireRefundable(c, orderId, fen);
        VoucherStore.UseRow u = VoucherStore.use(c, orderId, "VOUCHER").filter(x -> !"RELEASED".equals(x.state()))
                .orElseThrow(() -> new IllegalArgumentException("order " + orderId + " has no voucher part to give back"));
        VoucherStore.giveBack(c, u, fen, now);
    }

    /** Gives back the voucher held or captured for {@code orderId} (e.g. on a refund); no-op without one. */
    public void release(Connection c, long orderId, String reason, Instant now) throws SQLException {
        Optional<VoucherStore.UseRow> use = VoucherStore.use(c, orderId, "VOUCHER");
        if (use.isPresent() && !"RELEASED".equals(use.get().state())) {
            VoucherStore.release(c, use.get(), reason, now);
        }
    }

    private void hold(Connection c, long orderId, boolean wholly, Instant now) throws SQLException {
        Optional<VoucherStore.UseRow> existing = VoucherStore.use(c, orderId, "VOUCHER");
        if (existing.isPresent()) {
            throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "VOUCHER_ALREADY_APPLIED",
                    "A voucher already pays " + existing.get().amountFen() + " fen of this order; pay the rest in cash.");
        }
        VoucherStore.OrderRow o = VoucherStore.order(c, orderId).orElseThrow();
        OrderFacts facts = facts(c, o, o.totalFen(), now);
        List<GrantFacts> grants = VoucherStore.grantFacts(c, o.buyerId(), facts.on(), true);
        Decision d = VoucherRule.best(facts, grants, ProgrammeType.STANDARD).orElseThrow(() ->
                new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NO_VOUCHER_APPLIES",
                        "None of your organisation's innovation vouchers can pay for this order (see the voucher "
                                + "preview for why); pay in cash."));
        if (wholly != (d.amountFen() >= o.totalFen())) {
            throw changed();
        }
        if (!VoucherStore.hold(c, d.grantId(), d.amountFen())) {
            throw changed();
        }
        VoucherStore.insertUse(c, orderId, "VOUCHER", d.grantId(), o.operatorId(), d.amountFen(), "HELD", now, null);
    }

    private void complete(Connection c, long orderId, Instant now) throws SQLException {
        VoucherStore.OrderRow o = VoucherStore.order(c, orderId).orElseThrow();
        LocalDate on = LocalDate.ofInstant(now, ClockFactory.SHANGHAI);
        // lock all the buyer's grants in id order first, as a hold does, so the two never deadlock
        List<GrantFacts> before = VoucherStore.grantFacts(c, o.buyerId(), on, true);
        long voucherFen = 0;
        Optional<VoucherStore.UseRow> use = VoucherStore.use(c, orderId, "VOUCHER");
        if (use.isPresent() && "HELD".equals(use.get().state())) {
            VoucherStore.capture(c, use.get(), now);
            voucherFen = use.get().amountFen();
        }
        if (before.stream().noneMatch(g -> g.terms().type() == ProgrammeType.POST_PAYMENT_SUBSIDY)) {
            return;
        }
        // 先缴后补: a share of what the buyer paid in cash comes back from a subsidy programme
        OrderFacts facts = facts(c, o, o.totalFen() - voucherFen, now);
        List<GrantFacts> grants = VoucherStore.grantFacts(c, o.buyerId(), on, true);
        Optional<Decision> d = VoucherRule.best(facts, grants, ProgrammeType.POST_PAYMENT_SUBSIDY);
        if (d.isEmpty() || VoucherStore.use(c, orderId, "SUBSIDY").isPresent()) {
            return;
        }
        if (!VoucherStore.captureDirect(c, d.get().grantId(), d.get().amountFen())) {
            throw changed();
        }
        long claim = Jdbc.insert(c, "INSERT INTO voucher_claim (kind, programme_id, claimant_id, period, amount_fen, uses, "
                        + "submitted_at) VALUES ('SUBSIDY', ?, ?, ?, ?, 1, ?)", d.get().programmeId(), o.buyerId(),
                YearMonth.from(on).toString(), d.get().amountFen(), now);
        VoucherStore.insertUse(c, orderId, "SUBSIDY", d.get().grantId(), o.operatorId(), d.get().amountFen(), "CAPTURED",
                now, claim);
    }

    static OrderFacts facts(Connection c, VoucherStore.OrderRow o, long amountFen, Instant now) throws SQLException {
        return new OrderFacts(amountFen, o.instrumentId(), o.categoryCode(), VoucherStore.regionPath(c, o.operatorRegion()),
                o.buyerId(), LocalDate.ofInstant(now, ClockFactory.SHANGHAI));
    }

    private static ApiException changed() {
        return new ApiException.RuleViolation(HttpStatus.CONFLICT, "VOUCHER_CHANGED",
                "Your voucher balance changed a moment ago (another order used it); look at the voucher preview again.");
    }
}
