package cn.dayi.operator.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.operator.PaidBookings;
import cn.dayi.operator.RealServices;
import cn.dayi.operator.World;
import cn.dayi.ops.payout.Payouts;
import cn.dayi.ops.settlement.SettlementPeriod;
import cn.dayi.ops.settlement.SettlementSource;
import cn.dayi.ops.settlement.Settlements;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A payout never pays more than the party is owed: owner A's month is settled and approved (its share from a
 * 2-hour booking at 661.61 元), then — before the payout is prepared — the operator refunds half of the completed
 * order after a complaint, which takes back part of every share. The payout preparation then refuses to put the
 * owner's statement share into the bank file: FAILED with {@code PAYABLE_SHORT} and the figures, nothing posted,
 * the payable as it was.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PayoutShortfallIT implements RealServices {

    private static final long RATE_FEN = 66_161;

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    io.micronaut.context.ApplicationContext context;
    @Inject
    Jdbc jdbc;
    @Inject
    SettlementSource source;
    @Inject
    Payouts payouts;

    @Test
    void aRefundAfterTheMonthLeavesThePayableShortAndThePayoutIsRefusedNotOverpaid() throws Exception {
        World w = World.in(context);
        PaidBookings money = new PaidBookings(http, w);
        String tem = w.instrumentsA.get(0);
        money.entrust(tem, 5000, 2000, 2500, 500);
        money.priceAndOpen(tem, "SHORT-HOUR", RATE_FEN);
        long order = money.paid(tem, 2, RATE_FEN);
        money.complete(order);
        long share = money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE");
        assertEquals(2 * RATE_FEN * 5000 / 10_000, share, "owner A's half of the two hours");
        SettlementPeriod month = SettlementPeriod.monthBefore(LocalDate.now(PaidBookings.SH).withDayOfMonth(1).plusMonths(1)
                .atStartOfDay(PaidBookings.SH).toInstant());
        new Settlements(jdbc, source, Clock.fixed(month.end().plusSeconds(3600), ZoneOffset.UTC)).settle(month);
        List<Map<String, Object>> statements = money.getList(w.ownerAdminA, "/api/v1/organisations/" + w.ownerA + "/statements");
        assertEquals(share, PaidBookings.num(statements.get(0), "shareFen"));
        money.send(w.ownerAdminA, HttpRequest.POST("/api/v1/statements/" + PaidBookings.num(statements.get(0), "id")
                + "/approve", Map.of()));
        money.send(w.ownerAdminA, HttpRequest.PUT("/api/v1/organisations/" + w.ownerA + "/payout-account", Map.of(
                "payeeName", "某某大学", "bankName", "中国银行深圳分行", "accountNumber", "6217850000009876543")));

        // a complaint upheld after the month: half the order back, taken from every share in proportion
        money.send(w.financeX, HttpRequest.POST("/api/v1/orders/" + order + "/refunds", Map.of("amountFen", RATE_FEN,
                "reason", "投诉成立，退一半 complaint upheld")).header("Idempotency-Key", "short-" + order));
        long owed = money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE");
        assertTrue(owed < share, "the refund took part of the owner's share back: " + owed + " < " + share);

        payouts.prepare(month);
        List<Map<String, Object>> mine = money.getList(w.ownerAdminA, "/api/v1/organisations/" + w.ownerA + "/payouts");
        assertEquals(1, mine.size());
        Map<?, ?> payout = mine.get(0);
        assertEquals("FAILED", payout.get("state"), "not put into the bank file");
        assertEquals("PAYABLE_SHORT", payout.get("failureCode"));
        String reason = (String) payout.get("failureReason");
        assertTrue(reason.contains(Long.toString(share)) && reason.contains(Long.toString(owed)), reason);
        assertNull(payout.get("journalId"), "nothing posted");
        assertEquals(owed, money.balance(w.ownerAdminA, w.ownerA, "OWNER_PAYABLE"), "the payable is as it was");
        assertEquals(0L, (long) jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM ledger_journal WHERE business_key LIKE 'PAYOUT:%'")));
    }
}
