package cn.dayi.marketplace.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.booking.OrderLifecycle.Command;
import cn.dayi.marketplace.booking.OrderLifecycle.Party;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The transition table and the cancellation fee. */
class OrderLifecycleTest {

    @Test
    void theHappyPathAndWhatEachPartyMayDo() {
        assertEquals(OrderState.AWAITING_PAYMENT, OrderLifecycle.from(OrderState.SUBMITTED, Command.ACCEPT).orElseThrow().to());
        assertEquals(OrderState.CONFIRMED,
                OrderLifecycle.from(OrderState.AWAITING_PAYMENT, Command.RECORD_BANK_TRANSFER).orElseThrow().to());
        assertEquals(OrderState.IN_SERVICE, OrderLifecycle.from(OrderState.CONFIRMED, Command.CHECK_IN).orElseThrow().to());
        assertEquals(OrderState.COMPLETED, OrderLifecycle.from(OrderState.IN_SERVICE, Command.CHECK_OUT).orElseThrow().to());
        assertTrue(OrderLifecycle.from(OrderState.COMPLETED, Command.CANCEL).isEmpty());
        assertTrue(OrderLifecycle.from(OrderState.SUBMITTED, Command.CHECK_IN).isEmpty());
        assertEquals(List.of(Command.ACCEPT, Command.REJECT),
                OrderLifecycle.available(OrderKind.MACHINE_TIME, OrderState.SUBMITTED, Party.OPERATOR));
        assertEquals(List.of(Command.CANCEL), OrderLifecycle.available(OrderState.CONFIRMED, Party.BUYER));
        assertEquals(List.of(Command.CANCEL, Command.APPLY_VOUCHER, Command.PAY_BY_VOUCHER),
                OrderLifecycle.available(OrderState.AWAITING_PAYMENT, Party.BUYER));
        assertEquals(OrderState.CONFIRMED,
                OrderLifecycle.from(OrderState.AWAITING_PAYMENT, Command.PAY_BY_VOUCHER).orElseThrow().to());
    }

    @Test
    void testingOrdersShareTheTableWithTheirOwnMoves() {
        OrderKind t = OrderKind.TESTING;
        assertEquals(List.of(Command.ACCEPT, Command.REJECT, Command.QUOTE),
                OrderLifecycle.available(t, OrderState.SUBMITTED, Party.OPERATOR));
        assertEquals(OrderState.ACCEPTED, OrderLifecycle.from(t, OrderState.SUBMITTED, Command.QUOTE).orElseThrow().to());
        assertEquals(List.of(Command.ACCEPT_QUOTE, Command.DECLINE_QUOTE),
                OrderLifecycle.available(t, OrderState.ACCEPTED, Party.BUYER));
        assertEquals(OrderState.IN_SERVICE,
                OrderLifecycle.from(t, OrderState.CONFIRMED, Command.RECEIVE_SAMPLES).orElseThrow().to());
        assertEquals(OrderState.COMPLETED, OrderLifecycle.from(t, OrderState.IN_SERVICE, Command.DELIVER).orElseThrow().to());
        assertTrue(OrderLifecycle.from(t, OrderState.CONFIRMED, Command.CHECK_IN).isEmpty(), "machine time only");
        assertTrue(OrderLifecycle.from(OrderKind.MACHINE_TIME, OrderState.CONFIRMED, Command.RECEIVE_SAMPLES).isEmpty());
        for (OrderKind k : OrderKind.values()) {
            assertEquals(OrderState.REVIEWED, OrderLifecycle.from(k, OrderState.COMPLETED, Command.REVIEW).orElseThrow().to());
            assertTrue(OrderLifecycle.from(k, OrderState.REVIEWED, Command.REVIEW).isEmpty(), "reviewed once");
        }
    }

    @Test
    void everyCommandIsInTheTableOnceAndEndingsWithoutUseFreeTheSlots() {
        for (Command c : Command.values()) {
            assertEquals(1, OrderLifecycle.TABLE.stream().filter(t -> t.command() == c).count(), c.name());
        }
        for (OrderState s : List.of(OrderState.REJECTED, OrderState.CANCELLED, OrderState.EXPIRED, OrderState.NO_SHOW)) {
            assertFalse(s.holdsSlots(), s.name());
        }
        assertTrue(OrderState.CONFIRMED.holdsSlots());
        assertTrue(OrderState.COMPLETED.holdsSlots());
    }

    @Test
    void cancellingIsFreeUntil24HoursBeforeThenHalfTheTotal() {
        Instant start = Instant.parse("2026-12-07T01:00:00Z");
        assertEquals(0, CancellationPolicy.feeFen(OrderState.CONFIRMED, start, 10_001, start.minus(Duration.ofHours(25))));
        assertEquals(5_000, CancellationPolicy.feeFen(OrderState.CONFIRMED, start, 10_001, start.minus(Duration.ofHours(23))));
        assertEquals(0, CancellationPolicy.feeFen(OrderState.SUBMITTED, start, 10_001, start.minus(Duration.ofHours(1))));
    }
}
