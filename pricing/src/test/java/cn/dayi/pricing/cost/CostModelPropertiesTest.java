package cn.dayi.pricing.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CostModelPropertiesTest {

    private static final BigDecimal HALF_FEN = new BigDecimal("0.5");

    @Provide
    Arbitrary<CostInputs> inputs() {
        return Builders.withBuilder(CostInputs::builder)
                .use(Arbitraries.longs().between(1, 10_000_000_000L)).in((b, v) -> b.originalValueFen(v))
                .use(Arbitraries.integers().between(0, 10_000)).in((b, v) -> b.residualRateBp(v))
                .use(Arbitraries.integers().between(1, 30)).in((b, v) -> b.usefulLifeYears(v))
                .use(Arbitraries.longs().between(0, 100_000_000L)).in((b, v) -> b.annualStaffCostFen(v))
                .use(Arbitraries.longs().between(0, 100_000_000L)).in((b, v) -> b.annualMaintenanceFen(v))
                .use(Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("200")).ofScale(1))
                .in((b, v) -> b.powerKw(v))
                .use(Arbitraries.longs().between(0, 300)).in((b, v) -> b.electricityFenPerKwh(v))
                .use(Arbitraries.longs().between(0, 50_000_000L)).in((b, v) -> b.annualFacilityOverheadFen(v))
                .use(Arbitraries.longs().between(0, 1_000_000L)).in((b, v) -> b.consumablesPerSampleFen(v))
                .use(Arbitraries.bigDecimals().between(new BigDecimal("0.1"), new BigDecimal("60")).ofScale(1))
                .in((b, v) -> b.samplesPerHour(v))
                .use(Arbitraries.integers().between(1, CostInputs.MAX_ANNUAL_HOURS)).in((b, v) -> b.expectedAnnualHours(v))
                .build(CostInputs.Builder::build);
    }

    @Property(tries = 300)
    void everyLineIsTheExactCostRoundedToTheNearestFen(@ForAll("inputs") CostInputs in) {
        CostBreakdown cost = CostModel.costOf(in);
        CostModel.exactHourly(in).forEach((c, exact) -> assertTrue(
                exact.subtract(BigDecimal.valueOf(cost.hourlyFen(c))).abs().compareTo(HALF_FEN) <= 0, c::name));
        CostModel.exactPerSample(in).forEach((c, exact) -> assertTrue(
                exact.subtract(BigDecimal.valueOf(cost.perSampleFen(c))).abs().compareTo(HALF_FEN) <= 0, c::name));
        assertEquals(cost.hourlyLines().stream().mapToLong(CostLine::amountFen).sum(), cost.hourlyCostFen());
        assertEquals(cost.perSampleLines().stream().mapToLong(CostLine::amountFen).sum(), cost.perSampleCostFen());
    }

    @Property(tries = 300)
    void theSameInputsGiveTheSameBreakdown(@ForAll("inputs") CostInputs in) {
        CostInputs copy = new CostInputs(in.originalValueFen(), in.residualRateBp(), in.usefulLifeYears(),
                in.annualStaffCostFen(), in.annualMaintenanceFen(), new BigDecimal(in.powerKw().toPlainString()),
                in.electricityFenPerKwh(), in.annualFacilityOverheadFen(), in.consumablesPerSampleFen(),
                new BigDecimal(in.samplesPerHour().toPlainString()), in.expectedAnnualHours());
        assertEquals(CostModel.costOf(in), CostModel.costOf(copy));
    }
}
