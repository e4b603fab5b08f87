package cn.dayi.marketplace.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.ledger.JournalDraft.Leg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the posting rules and journals, over generated amounts and ratios. */
class LedgerPropertiesTest {

    @Provide
    Arbitrary<RevenueTerms> terms() {
        Arbitrary<RevenueTerms> entrusted = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(true, false)).as((a, b, c, funded) -> {
                    int[] cut = {a, b, c};
                    java.util.Arrays.sort(cut);
                    return RevenueTerms.entrusted(2, 3, 4, cut[0], cut[1] - cut[0], cut[2] - cut[1], 10_000 - cut[2], funded);
                });
        Arbitrary<RevenueTerms> own = Arbitraries.integers().between(0, 10_000).map(bp -> RevenueTerms.own(2, bp));
        return Arbitraries.oneOf(entrusted, own);
    }

    private static long sum(List<Leg> legs) {
        return legs.stream().mapToLong(Leg::amountFen).sum();
    }

    @Property
    void everyRecognitionJournalSumsToZeroAndTheSplitIsTheWhole(@ForAll @LongRange(min = 0, max = 10_000_000_000L) long earned,
                                                                 @ForAll @LongRange(min = 0, max = 1_000_000_000L) long use,
                                                                 @ForAll @LongRange(min = 0, max = 1_000_000_000L) long fees,
                                                                 @ForAll("terms") RevenueTerms terms) {
        List<Leg> legs = PostingRules.recognition(1, earned, use, fees, terms, "CNY");
        assertEquals(0, sum(legs));
        long credited = -legs.stream().filter(l -> l.amountFen() < 0).mapToLong(Leg::amountFen).sum();
        assertEquals(earned, credited); // the parts add up to the whole, no fen lost or made
        if (earned > 0) {
            new JournalDraft("K", "COMPLETED", 1L, null, null, legs); // accepted: balanced
        }
    }

    @Property
    void eachPartyIsWithinOneFenOfItsExactShare(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long earned,
                                                @ForAll("terms") RevenueTerms terms) {
        List<Leg> legs = PostingRules.recognition(1, earned, 1, 0, terms, "CNY");
        double owner = earned * terms.ownerBp() / 10_000.0;
        long ownerFen = -legs.stream().filter(l -> l.account().type() == AccountType.OWNER_PAYABLE).mapToLong(Leg::amountFen).sum();
        assertTrue(Math.abs(ownerFen - owner) < 1.0, ownerFen + " vs " + owner);
    }

    @Property
    void aReversalNetsEveryAccountToZero(@ForAll("drafts") JournalDraft draft) {
        List<Leg> all = new ArrayList<>(draft.legs());
        all.addAll(draft.reversedLegs());
        Map<AccountRef, Long> net = new HashMap<>();
        all.forEach(l -> net.merge(l.account(), l.amountFen(), Long::sum));
        net.values().forEach(v -> assertEquals(0L, v));
        new JournalDraft("K:R", "REVERSED", null, null, null, draft.reversedLegs()); // itself balanced
    }

    @Provide
    Arbitrary<JournalDraft> drafts() {
        return Combinators.combine(Arbitraries.longs().between(1, 1_000_000_000L), terms(),
                Arbitraries.of("BANK_TRANSFER", "CARD")).as((amount, t, method) -> {
                    List<Leg> legs = new ArrayList<>(PostingRules.payment(method, 9, amount, "CNY"));
                    legs.addAll(PostingRules.recognition(9, amount, 3, 1, t, "CNY"));
                    return new JournalDraft("ORDER:1:X", "X", 1L, null, null, legs);
                });
    }

    @Property
    void refundsBalanceAndNeverTakeBackMoreThanWasRecognised(@ForAll @LongRange(min = 1, max = 100_000_000L) long paid,
                                                              @ForAll @IntRange(min = 0, max = 100) int heldPercent,
                                                              @ForAll @IntRange(min = 1, max = 100) int refundPercent,
                                                              @ForAll("terms") RevenueTerms terms) {
        long held = paid * heldPercent / 100;
        long earned = paid - held;
        Map<AccountRef, Long> recognised = new LinkedHashMap<>();
        for (Leg l : PostingRules.recognition(9, earned, 1, 0, terms, "CNY")) {
            if (l.amountFen() < 0) {
                recognised.merge(l.account(), -l.amountFen(), Long::sum);
            }
        }
        long refund = Math.max(1, paid * refundPercent / 100);
        List<Leg> legs = PostingRules.refund("BANK_TRANSFER", 9, refund, held, recognised, "CNY");
        assertEquals(0, sum(legs));
        for (Leg l : legs) {
            if (recognised.containsKey(l.account())) {
                assertTrue(l.amountFen() <= recognised.get(l.account()), "claws back more than " + l.account() + " got");
            }
        }
    }
}
