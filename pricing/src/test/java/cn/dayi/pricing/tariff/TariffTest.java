package cn.dayi.pricing.tariff;

import static cn.dayi.pricing.tariff.TariffArbitraries.hourly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import cn.dayi.pricing.cost.CostBreakdown;
import cn.dayi.pricing.cost.CostInputs;
import cn.dayi.pricing.cost.CostModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TariffTest {

    private static final CostBreakdown TEM_COST = CostModel.costOf(CostInputs.builder()
            .originalValueFen(400_000_000L).residualRateBp(500).usefulLifeYears(10)
            .consumablesPerSampleFen(10_000L).samplesPerHour(new BigDecimal("2")).build());

    @Test
    void eachBuyerClassPaysCostPlusItsMarkup() {
        Tariff t = hourly(27_143).academicMarkupBp(2_000).commercialMarkupBp(15_000).build();
        assertEquals(27_143, t.unitPriceFen(BuyerClass.INTERNAL), "internal use is at cost");
        assertEquals(32_572, t.unitPriceFen(BuyerClass.ACADEMIC_EXTERNAL), "27,143 × 1.2 = 32,571.6");
        assertEquals(67_858, t.unitPriceFen(BuyerClass.COMMERCIAL), "27,143 × 2.5 = 67,857.5, half up");
    }

    static Stream<Arguments> unitCostBases() {
        return Stream.of(
                Arguments.of(ChargeUnit.HOUR, 27_143L),
                Arguments.of(ChargeUnit.HALF_DAY, 4 * 27_143L),
                Arguments.of(ChargeUnit.DAY, 8 * 27_143L),
                // per sample: 27,143 / 2 = 13,571.4 → 13,571, plus 100 CNY consumables
                Arguments.of(ChargeUnit.SAMPLE, 23_571L),
                Arguments.of(ChargeUnit.TEST_ITEM, 23_571L));
    }

    @ParameterizedTest(name = "{0} costs {1} fen")
    @MethodSource("unitCostBases")
    void costBasisOfAUnitDerivesFromTheBreakdown(ChargeUnit unit, long expectedFen) {
        assertEquals(expectedFen, unit.costBasisFen(TEM_COST));
        Tariff t = Tariff.builder().code("TEM").costBasisFrom(unit, TEM_COST).effectiveFrom(LocalDate.of(2025, 1, 1)).build();
        assertEquals(expectedFen, t.unitPriceFen(BuyerClass.INTERNAL));
    }

    static Stream<Arguments> badTariffs() {
        return Stream.of(
                Arguments.of("commercial below academic",
                        (Supplier<Tariff>) () -> hourly(1_000).academicMarkupBp(3_000).commercialMarkupBp(2_000).build(),
                        Code.MARKUP_ORDER, "Markups must rise from internal (0 bp) to academic external to commercial; "
                                + "got academic 3000 bp and commercial 2000 bp."),
                Arguments.of("academic below internal",
                        (Supplier<Tariff>) () -> hourly(1_000).academicMarkupBp(-100).commercialMarkupBp(0).build(),
                        Code.MARKUP_ORDER, "Markups must rise from internal (0 bp) to academic external to commercial; "
                                + "got academic -100 bp and commercial 0 bp."),
                Arguments.of("zero cost basis", (Supplier<Tariff>) () -> hourly(0).build(), Code.INVALID_COST_BASIS,
                        "Cost basis must be more than 0 fen per hour; got 0."),
                Arguments.of("negative surcharge", (Supplier<Tariff>) () -> hourly(1_000).urgentSurchargeBp(-1).build(),
                        Code.INVALID_MARKUP, "urgentSurchargeBp must be between 0 and 1000000 bp; got -1."),
                Arguments.of("negative minimum", (Supplier<Tariff>) () -> hourly(1_000).minimumChargeFen(-1).build(),
                        Code.NEGATIVE_COST, "Minimum charge must not be negative; got -1."),
                Arguments.of("bands not ascending", (Supplier<Tariff>) () -> hourly(1_000)
                                .volumeBand(VolumeBand.of(10, 500)).volumeBand(VolumeBand.of(10, 800)).build(),
                        Code.INVALID_VOLUME_BANDS, "Volume bands must start at ascending quantities; band 2 starts at 10, not after 10."),
                Arguments.of("discount shrinks", (Supplier<Tariff>) () -> hourly(1_000)
                                .volumeBand(VolumeBand.of(10, 800)).volumeBand(VolumeBand.of(20, 500)).build(),
                        Code.INVALID_VOLUME_BANDS, "A larger volume must not get a smaller discount; band 2 gives 500 bp after 800 bp."),
                Arguments.of("100 % discount", (Supplier<Tariff>) () -> hourly(1_000).volumeBand(VolumeBand.of(10, 10_000)).build(),
                        Code.INVALID_VOLUME_BANDS, "A volume discount must be between 0 and 9,999 bp; got 10000."),
                Arguments.of("ends before it starts", (Supplier<Tariff>) () -> hourly(1_000).effectiveTo(LocalDate.of(2024, 12, 31)).build(),
                        Code.INVALID_EFFECTIVE_RANGE, "Tariff TEM-HOUR v1 ends on 2024-12-31, before it starts on 2025-01-01."),
                Arguments.of("version 0", (Supplier<Tariff>) () -> hourly(1_000).version(0).build(),
                        Code.INVALID_TARIFF_VERSION, "Tariff version must be at least 1; got 0."),
                Arguments.of("no start date", (Supplier<Tariff>) () -> hourly(1_000).effectiveFrom(null).build(),
                        Code.MISSING_VALUE, "A value for effectiveFrom is required."));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badTariffs")
    void badTariffIsRejected(String name, Supplier<Tariff> build, Code code, String message) {
        PricingException e = assertThrows(PricingException.class, build::get);
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void theHighestBandReachedAppliesToTheWholeQuantity() {
        Tariff t = hourly(1_000).volumeBand(VolumeBand.of(10, 500)).volumeBand(VolumeBand.of(40, 1_000)).build();
        assertEquals(0, t.volumeDiscountBp(new BigDecimal("9.5")));
        assertEquals(500, t.volumeDiscountBp(BigDecimal.TEN));
        assertEquals(500, t.volumeDiscountBp(new BigDecimal("39.99")));
        assertEquals(1_000, t.volumeDiscountBp(new BigDecimal("40")));
    }

    @Test
    void effectiveToIsInclusive() {
        Tariff t = hourly(1_000).effectiveTo(LocalDate.of(2025, 6, 30)).build();
        assertFalse(t.isEffectiveOn(LocalDate.of(2024, 12, 31)));
        assertTrue(t.isEffectiveOn(LocalDate.of(2025, 1, 1)));
        assertTrue(t.isEffectiveOn(LocalDate.of(2025, 6, 30)));
        assertFalse(t.isEffectiveOn(LocalDate.of(2025, 7, 1)));
    }
}
