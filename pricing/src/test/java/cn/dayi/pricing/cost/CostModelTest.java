package cn.dayi.pricing.cost;

import static cn.dayi.pricing.cost.CostComponent.CONSUMABLES;
import static cn.dayi.pricing.cost.CostComponent.DEPRECIATION;
import static cn.dayi.pricing.cost.CostComponent.ENERGY;
import static cn.dayi.pricing.cost.CostComponent.FACILITY;
import static cn.dayi.pricing.cost.CostComponent.MAINTENANCE;
import static cn.dayi.pricing.cost.CostComponent.STAFF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CostModelTest {

    /** 4,000,000 CNY TEM, 5 % residual, 10 years, 1,400 h/year. */
    static CostInputs.Builder tem() {
        return CostInputs.builder().originalValueFen(400_000_000L).residualRateBp(500).usefulLifeYears(10);
    }

    /** 1,500,000 CNY LC-MS, 5 % residual, 8 years, 2 samples an hour, 150 CNY consumables per sample. */
    static CostInputs lcms() {
        return CostInputs.builder().originalValueFen(150_000_000L).residualRateBp(500).usefulLifeYears(8)
                .annualStaffCostFen(28_000_000L).annualMaintenanceFen(12_000_000L)
                .powerKw(new BigDecimal("5")).electricityFenPerKwh(80).annualFacilityOverheadFen(4_200_000L)
                .samplesPerHour(new BigDecimal("2")).consumablesPerSampleFen(15_000L).build();
    }

    /** 800,000 CNY XRD, no residual, 6 years, 1,000 h/year, 2.5 kW at 0.85 CNY/kWh, 2 h per sample. */
    static CostInputs xrd() {
        return CostInputs.builder().originalValueFen(80_000_000L).usefulLifeYears(6).expectedAnnualHours(1000)
                .annualMaintenanceFen(6_000_000L).powerKw(new BigDecimal("2.5")).electricityFenPerKwh(85)
                .samplesPerHour(new BigDecimal("0.5")).consumablesPerSampleFen(5_000L).build();
    }

    @Test
    void temDepreciatesBy271Yuan43PerHour() {
        CostBreakdown cost = CostModel.costOf(tem().build());
        assertEquals(27_143, cost.hourlyFen(DEPRECIATION));
        assertEquals(27_143, cost.hourlyCostFen(), "nothing but depreciation was given");
    }

    static Stream<Arguments> hourlyCases() {
        return Stream.of(
                // TEM with running costs: 200k staff, 300k maintenance, 10 kW at 0.80, 50k facility
                Arguments.of("TEM", tem().annualStaffCostFen(20_000_000L).annualMaintenanceFen(30_000_000L)
                                .powerKw(BigDecimal.TEN).electricityFenPerKwh(80).annualFacilityOverheadFen(5_000_000L).build(),
                        List.of(27_143L, 14_286L, 21_429L, 800L, 3_571L), 67_229L),
                Arguments.of("LC-MS", lcms(), List.of(12_723L, 20_000L, 8_571L, 400L, 3_000L), 44_694L),
                // energy 2.5 × 85 = 212.5 fen rounds half up to 213
                Arguments.of("XRD", xrd(), List.of(13_333L, 0L, 6_000L, 213L, 0L), 19_546L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hourlyCases")
    void hourlyLinesAreRoundedOneByOneAndAddUpToTheTotal(String name, CostInputs in, List<Long> lines, long total) {
        CostBreakdown cost = CostModel.costOf(in);
        assertEquals(List.of(DEPRECIATION, STAFF, MAINTENANCE, ENERGY, FACILITY),
                cost.hourlyLines().stream().map(CostLine::component).toList());
        assertEquals(lines, cost.hourlyLines().stream().map(CostLine::amountFen).toList());
        assertEquals(total, cost.hourlyCostFen());
    }

    static Stream<Arguments> perSampleCases() {
        return Stream.of(
                // hourly / 2 per line (6,361.6 → 6,362; 4,285.7 → 4,286) + 150 CNY consumables
                Arguments.of("LC-MS, 2 samples an hour", lcms(),
                        List.of(6_362L, 10_000L, 4_286L, 200L, 1_500L, 15_000L), 37_348L),
                // two hours per sample: hourly × 2 per line + 50 CNY consumables
                Arguments.of("XRD, 0.5 samples an hour", xrd(),
                        List.of(26_667L, 0L, 12_000L, 425L, 0L, 5_000L), 44_092L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perSampleCases")
    void perSampleCostIsHourlyCostPerSamplePlusConsumables(String name, CostInputs in, List<Long> lines, long total) {
        CostBreakdown cost = CostModel.costOf(in);
        assertEquals(List.of(DEPRECIATION, STAFF, MAINTENANCE, ENERGY, FACILITY, CONSUMABLES),
                cost.perSampleLines().stream().map(CostLine::component).toList());
        assertEquals(lines, cost.perSampleLines().stream().map(CostLine::amountFen).toList());
        assertEquals(total, cost.perSampleCostFen());
    }

    @Test
    void everyRoundedLineIsWithinHalfAFenOfTheExactValue() {
        CostInputs in = lcms();
        CostBreakdown cost = CostModel.costOf(in);
        CostModel.exactHourly(in).forEach((c, exact) -> assertTrue(
                exact.subtract(BigDecimal.valueOf(cost.hourlyFen(c))).abs().compareTo(new BigDecimal("0.5")) <= 0, c::name));
        CostModel.exactPerSample(in).forEach((c, exact) -> assertTrue(
                exact.subtract(BigDecimal.valueOf(cost.perSampleFen(c))).abs().compareTo(new BigDecimal("0.5")) <= 0, c::name));
    }

    @Test
    void fewerExpectedHoursMakeEachHourDearer() {
        long at1400 = CostModel.costOf(tem().build()).hourlyCostFen();
        long at700 = CostModel.costOf(tem().expectedAnnualHours(700).build()).hourlyCostFen();
        assertEquals(54_286, at700);
        assertTrue(at700 > at1400);
    }
}
