package cn.dayi.marketplace.voucher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.voucher.VoucherRule.GrantFacts;
import cn.dayi.marketplace.voucher.VoucherRule.OrderFacts;
import cn.dayi.marketplace.voucher.VoucherRule.Terms;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The voucher rule: co-pay share, full cover of small orders, per-order and yearly caps, the grant's
 * remaining quota, eligibility (buyer, validity, region, category or instrument) and which grant wins.
 * Figures follow the domain doc: a Zhejiang county caps 20,000 CNY a claim and 100,000 CNY a year and
 * lets services under 10,000 CNY be paid wholly by voucher; Chongqing pays 10–30% back.
 */
class VoucherRuleTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    static final List<String> NANSHAN = List.of("440305", "440300", "440000", "CN");
    static final List<String> FIFE = List.of("GB-FIF", "GB");
    static final long BUYER = 7;

    /** 50% co-pay, orders under 10,000 CNY wholly, 20,000 CNY an order, 100,000 CNY a year; Shenzhen; category 01. */
    static Terms zhejiangLike() {
        return new Terms(1, ProgrammeType.STANDARD, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), Set.of("440300"),
                Set.of("01"), Set.of(), 5_000, 1_000_000L, 2_000_000L, 10_000_000L);
    }

    static GrantFacts grant(Terms t, long availableFen, long usedThisYearFen) {
        return new GrantFacts(11, BUYER, true, t.validUntil(), availableFen, usedThisYearFen, t);
    }

    static OrderFacts order(long totalFen) {
        return new OrderFacts(totalFen, 100, "01", NANSHAN, BUYER, DAY);
    }

    static Stream<Arguments> table() {
        Terms z = zhejiangLike();
        Terms noLimits = new Terms(2, ProgrammeType.STANDARD, z.validFrom(), z.validUntil(), Set.of("CN"), Set.of(),
                Set.of(), 3_000, null, null, null);
        Terms subsidy = new Terms(3, ProgrammeType.POST_PAYMENT_SUBSIDY, z.validFrom(), z.validUntil(), Set.of("440000"),
                Set.of(), Set.of(100L), 2_000, 1_000_000L, null, null);
        return Stream.of(
                // name, terms, order total, available, used this year, expected fen
                Arguments.of("small order paid wholly (under 10,000 CNY)", z, 999_999L, 10_000_000L, 0L, 999_999L),
                Arguments.of("at the threshold the co-pay applies", z, 1_000_000L, 10_000_000L, 0L, 500_000L),
                Arguments.of("50% of a 30,000 CNY order", z, 3_000_000L, 10_000_000L, 0L, 1_500_000L),
                Arguments.of("per-order cap 20,000 CNY", z, 6_000_000L, 10_000_000L, 0L, 2_000_000L),
                Arguments.of("yearly cap: 5,000 CNY left this year", z, 3_000_000L, 10_000_000L, 9_500_000L, 500_000L),
                Arguments.of("yearly cap used up", z, 3_000_000L, 10_000_000L, 10_000_000L, 0L),
                Arguments.of("grant's remaining quota", z, 3_000_000L, 123_456L, 0L, 123_456L),
                Arguments.of("empty grant", z, 3_000_000L, 0L, 0L, 0L),
                Arguments.of("co-pay rounds down", noLimits, 1_001L, 10_000L, 0L, 300L),
                Arguments.of("zero order", noLimits, 0L, 10_000L, 0L, 0L),
                Arguments.of("subsidy ignores the full-cover threshold: 20% back", subsidy, 500_000L, 10_000_000L, 0L, 100_000L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void amounts(String name, Terms t, long total, long available, long used, long expected) {
        assertEquals(expected, VoucherRule.amountFen(order(total), grant(t, available, used)), name);
    }

    @Test
    void eligibility() {
        Terms z = zhejiangLike();
        GrantFacts g = grant(z, 10_000_000L, 0);
        assertEquals(null, VoucherRule.whyNot(order(100_000), g));
        assertEquals("NOT_THE_BUYERS", VoucherRule.whyNot(new OrderFacts(100_000, 100, "01", NANSHAN, 8, DAY), g));
        assertEquals("OUTSIDE_VALIDITY", VoucherRule.whyNot(new OrderFacts(100_000, 100, "01", NANSHAN, BUYER,
                LocalDate.of(2027, 1, 1)), g));
        assertEquals("OUTSIDE_VALIDITY", VoucherRule.whyNot(order(100_000),
                new GrantFacts(11, BUYER, true, DAY.minusDays(1), 10_000_000L, 0, z)));
        assertEquals("GRANT_EXPIRED", VoucherRule.whyNot(order(100_000),
                new GrantFacts(11, BUYER, false, z.validUntil(), 10_000_000L, 0, z)));
        assertEquals("REGION_NOT_ACCEPTED", VoucherRule.whyNot(new OrderFacts(100_000, 100, "01", FIFE, BUYER, DAY), g));
        assertEquals("INSTRUMENT_NOT_ELIGIBLE", VoucherRule.whyNot(new OrderFacts(100_000, 100, "09", NANSHAN, BUYER, DAY), g));
        // cross-region use: a programme of Guangdong accepted in Fife
        Terms crossRegion = new Terms(5, ProgrammeType.STANDARD, z.validFrom(), z.validUntil(), Set.of("440000", "GB-FIF"),
                Set.of(), Set.of(100L), 5_000, null, null, null);
        assertEquals(null, VoucherRule.whyNot(new OrderFacts(100_000, 100, "09", FIFE, BUYER, DAY),
                grant(crossRegion, 1, 0)));
        assertEquals("INSTRUMENT_NOT_ELIGIBLE", VoucherRule.whyNot(new OrderFacts(100_000, 101, "09", FIFE, BUYER, DAY),
                grant(crossRegion, 1, 0)));
    }

    @Test
    void theGrantThatPaysMostWinsThenTheOneThatLapsesFirst() {
        Terms z = zhejiangLike();
        Terms thirty = new Terms(2, ProgrammeType.STANDARD, z.validFrom(), z.validUntil(), Set.of("CN"), Set.of(), Set.of(),
                3_000, null, null, null);
        GrantFacts half = new GrantFacts(1, BUYER, true, z.validUntil(), 10_000_000L, 0, z);
        GrantFacts third = new GrantFacts(2, BUYER, true, z.validUntil(), 10_000_000L, 0, thirty);
        assertEquals(1, VoucherRule.best(order(3_000_000), List.of(third, half), ProgrammeType.STANDARD).orElseThrow().grantId());
        GrantFacts halfLapsingSooner = new GrantFacts(3, BUYER, true, DAY.plusDays(3), 10_000_000L, 0, z);
        assertEquals(3, VoucherRule.best(order(3_000_000), List.of(half, halfLapsingSooner), ProgrammeType.STANDARD)
                .orElseThrow().grantId());
        assertTrue(VoucherRule.best(order(3_000_000), List.of(half), ProgrammeType.POST_PAYMENT_SUBSIDY).isEmpty());
        assertTrue(VoucherRule.best(order(3_000_000), List.of(grant(z, 0, 0)), ProgrammeType.STANDARD).isEmpty());
    }

    @Property(tries = 2000)
    void neverMoreThanAnyCapTheOrderOrTheQuota(@ForAll("terms") Terms t, @ForAll("totals") long total,
                                                @ForAll("fen") long available, @ForAll("fen") long used) {
        long amount = VoucherRule.amountFen(order(total), new GrantFacts(1, BUYER, true, t.validUntil(), available, used, t));
        assertTrue(amount >= 0);
        assertTrue(amount <= total, "order");
        assertTrue(amount <= available, "remaining quota");
        if (t.perOrderCapFen() != null) {
            assertTrue(amount <= t.perOrderCapFen(), "per-order cap");
        }
        if (t.yearlyCapFen() != null) {
            assertTrue(amount <= Math.max(0, t.yearlyCapFen() - used), "yearly cap");
        }
        boolean small = t.type() == ProgrammeType.STANDARD && t.fullCoverBelowFen() != null && total < t.fullCoverBelowFen();
        if (!small) {
            assertTrue(java.math.BigInteger.valueOf(amount).multiply(java.math.BigInteger.valueOf(10_000))
                    .compareTo(java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(t.coverBp()))) <= 0,
                    "co-pay share");
        }
    }

    @Provide
    Arbitrary<Terms> terms() {
        Arbitrary<Long> cap = Arbitraries.longs().between(1, 100_000_000L).injectNull(0.3);
        return Combinators.combine(Arbitraries.of(ProgrammeType.class), Arbitraries.integers().between(1, 10_000), cap, cap, cap)
                .as((type, bp, full, perOrder, yearly) -> new Terms(1, type, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 12, 31), Set.of("CN"), Set.of(), Set.of(), bp, full, perOrder, yearly));
    }

    @Provide
    Arbitrary<Long> totals() {
        return Arbitraries.longs().between(0, 1_000_000_000_000L);
    }

    @Provide
    Arbitrary<Long> fen() {
        return Arbitraries.longs().between(0, 200_000_000L);
    }
}
