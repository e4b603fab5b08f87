package cn.dayi.pricing.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class RevenueSplitPropertiesTest {

    /** 1 to 4 distinct parties in random order with random shares that make exactly 10,000 bp. */
    @Provide
    Arbitrary<RevenueSplit> splits() {
        return Arbitraries.of(Party.class).list().uniqueElements().ofMinSize(1).ofMaxSize(4)
                .flatMap(parties -> Arbitraries.integers().between(0, 10_000).list().ofSize(parties.size() - 1)
                        .map(cuts -> {
                            List<Integer> points = new ArrayList<>(cuts);
                            points.add(0);
                            points.add(10_000);
                            points.sort(null);
                            List<Share> shares = new ArrayList<>();
                            for (int i = 0; i < parties.size(); i++) {
                                shares.add(new Share(parties.get(i), points.get(i + 1) - points.get(i)));
                            }
                            return new RevenueSplit(shares);
                        }));
    }

    @Property
    void partsAddUpToTheTotalAndEachIsWithinOneFenOfItsExactShare(
            @ForAll("splits") RevenueSplit split, @ForAll @LongRange(min = 0, max = 1_000_000_000_000L) long totalFen) {
        SplitAllocation allocation = split.split(totalFen);
        assertEquals(totalFen, allocation.parts().stream().mapToLong(SplitPart::amountFen).sum());
        assertEquals(split.shares().stream().map(Share::party).toList(),
                allocation.parts().stream().map(SplitPart::party).toList(), "parts keep the order of the shares");
        for (SplitPart part : allocation.parts()) {
            BigDecimal exact = BigDecimal.valueOf(totalFen).multiply(BigDecimal.valueOf(part.shareBp()))
                    .divide(BigDecimal.valueOf(10_000));
            assertTrue(exact.subtract(BigDecimal.valueOf(part.amountFen())).abs().compareTo(BigDecimal.ONE) < 0,
                    () -> part + " vs exact " + exact);
        }
    }

    @Property
    void theSameSplitOfTheSameAmountGivesTheSameParts(
            @ForAll("splits") RevenueSplit split, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long totalFen) {
        RevenueSplit copy = new RevenueSplit(new ArrayList<>(split.shares()));
        assertEquals(split.split(totalFen), copy.split(totalFen));
        assertEquals(totalFen, split.split(totalFen).parts().stream().mapToLong(SplitPart::amountFen).sum());
    }
}
