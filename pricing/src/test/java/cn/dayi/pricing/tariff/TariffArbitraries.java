package cn.dayi.pricing.tariff;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of valid tariffs, shared by the property tests. */
public final class TariffArbitraries {

    private TariffArbitraries() {
    }

    /** Valid tariffs over every unit, with costs from 1 fen to 100,000 CNY per unit. */
    public static Arbitrary<Tariff> tariffs() {
        Arbitrary<ChargeUnit> unit = Arbitraries.of(ChargeUnit.class);
        Arbitrary<Long> cost = Arbitraries.oneOf(Arbitraries.longs().between(1, 1_000),
                Arbitraries.longs().between(1, 10_000_000L));
        Arbitrary<int[]> markups = Arbitraries.integers().between(0, 40_000)
                .flatMap(a -> Arbitraries.integers().between(a, 60_000).map(c -> new int[] {a, c}));
        Arbitrary<Integer> surcharge = Arbitraries.integers().between(0, 20_000);
        Arbitrary<Long> minimum = Arbitraries.oneOf(Arbitraries.just(0L), Arbitraries.longs().between(0, 5_000_000L));
        return Combinators.combine(unit, cost, markups, surcharge, surcharge, minimum, bands())
                .as((u, c, m, after, urgent, min, bands) -> new Tariff("T-" + u, 1, u, c, m[0], m[1], after, urgent,
                        min, bands, LocalDate.of(2025, 1, 1), Optional.empty()));
    }

    /** 0..3 bands with ascending whole starting quantities and non-decreasing discounts below 100 %. */
    public static Arbitrary<List<VolumeBand>> bands() {
        return Arbitraries.integers().between(0, 3).flatMap(n -> Combinators.combine(
                        Arbitraries.integers().between(1, 20).list().ofSize(n),
                        Arbitraries.integers().between(0, 3_000).list().ofSize(n))
                .as((steps, discounts) -> {
                    List<VolumeBand> bands = new ArrayList<>();
                    int from = 0;
                    int discount = 0;
                    for (int i = 0; i < n; i++) {
                        from += steps.get(i);
                        discount = Math.min(9_999, discount + discounts.get(i));
                        bands.add(new VolumeBand(BigDecimal.valueOf(from), discount));
                    }
                    return bands;
                }));
    }

    /** A builder for an hourly TEM tariff from 2025-01-01, for examples. */
    public static Tariff.Builder hourly(long costBasisFen) {
        return Tariff.builder().code("TEM-HOUR").chargeUnit(ChargeUnit.HOUR).costBasisFen(costBasisFen)
                .effectiveFrom(LocalDate.of(2025, 1, 1));
    }
}
