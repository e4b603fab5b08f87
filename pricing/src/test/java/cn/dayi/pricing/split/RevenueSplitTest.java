package cn.dayi.pricing.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RevenueSplitTest {

    /** Entrusted fiscal-funded instrument: owner 40 %, fiscal fund 20 %, operator 35 %, platform 5 %. */
    private static final RevenueSplit ENTRUSTED = RevenueSplit.of(new Share(Party.OWNER, 4_000),
            new Share(Party.FISCAL_FUND, 2_000), new Share(Party.OPERATOR, 3_500), new Share(Party.PLATFORM, 500));

    @ParameterizedTest(name = "{0} fen → {1} / {2} / {3} / {4}")
    @CsvSource({
        "1392446, 556979, 278489, 487356, 69622", // exact .4 .2 .1 .3 fen over: the one fen left goes to owner
        "100, 40, 20, 35, 5",
        "1, 1, 0, 0, 0",        // remainders .4 .2 .35 .05 → owner
        "3, 1, 1, 1, 0",        // 1.2 .6 1.05 .15 → fiscal fund gets the leftover
        "0, 0, 0, 0, 0"})
    void splitsByShareAndHandsLeftoverFenToTheLargestRemainders(long total, long owner, long fiscal, long operator,
                                                                long platform) {
        SplitAllocation split = ENTRUSTED.split(total);
        assertEquals(List.of(owner, fiscal, operator, platform),
                split.parts().stream().map(SplitPart::amountFen).toList());
        assertEquals(total, split.parts().stream().mapToLong(SplitPart::amountFen).sum());
    }

    @Test
    void equalRemaindersGoToThePartyListedFirst() {
        RevenueSplit thirds = RevenueSplit.of(new Share(Party.OPERATOR, 3_333), new Share(Party.OWNER, 3_333),
                new Share(Party.PLATFORM, 3_334));
        // exact 3.333 / 3.333 / 3.334 → floors 3/3/3, remainders .333 .333 .334 → platform first
        assertEquals(List.of(3L, 3L, 4L), thirds.split(10).parts().stream().map(SplitPart::amountFen).toList());
        RevenueSplit halves = RevenueSplit.of(new Share(Party.PLATFORM, 5_000), new Share(Party.OPERATOR, 5_000));
        assertEquals(1, halves.split(1).amountFen(Party.PLATFORM));
        assertEquals(0, halves.split(1).amountFen(Party.OPERATOR));
        RevenueSplit swapped = RevenueSplit.of(new Share(Party.OPERATOR, 5_000), new Share(Party.PLATFORM, 5_000));
        assertEquals(1, swapped.split(1).amountFen(Party.OPERATOR));
    }

    @Test
    void operatorOwnedInstrumentHasNoOwnerPart() {
        RevenueSplit own = RevenueSplit.of(new Share(Party.OPERATOR, 9_500), new Share(Party.PLATFORM, 500));
        assertEquals(0, own.split(10_000).amountFen(Party.OWNER));
        assertEquals(9_500, own.split(10_000).amountFen(Party.OPERATOR));
    }

    @Test
    void sharesThatDoNotMakeAWholeAreRejectedWithTheirSum() {
        PricingException e = assertThrows(PricingException.class,
                () -> RevenueSplit.of(new Share(Party.OWNER, 4_000), new Share(Party.OPERATOR, 5_500)));
        assertEquals(Code.SPLIT_NOT_10000, e.code());
        assertEquals("Revenue-split shares must add up to 10,000 bp (100%); got 9,500 bp.", e.getMessage());
        assertEquals(Code.SPLIT_NOT_10000, assertThrows(PricingException.class, RevenueSplit::of).code());
    }

    @Test
    void badSharesAndAmountsAreRejected() {
        assertEquals(Code.INVALID_SHARE, assertThrows(PricingException.class,
                () -> RevenueSplit.of(new Share(Party.OWNER, 5_000), new Share(Party.OWNER, 5_000))).code());
        assertEquals(Code.INVALID_SHARE, assertThrows(PricingException.class,
                () -> new Share(Party.OWNER, 10_001)).code());
        assertEquals(Code.NEGATIVE_COST, assertThrows(PricingException.class, () -> ENTRUSTED.split(-1)).code());
    }
}
