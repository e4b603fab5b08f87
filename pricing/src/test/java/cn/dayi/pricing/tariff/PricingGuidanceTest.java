package cn.dayi.pricing.tariff;

import static cn.dayi.pricing.tariff.TariffArbitraries.hourly;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PricingGuidanceTest {

    private static final PricingGuidance GUIDANCE = new PricingGuidance(Map.of(
            "03", new GuidanceBand("分析仪器", 10_000, 30_000),
            "04", new GuidanceBand("物理性能测试仪器", 12_500, 25_000)));

    @Test
    void commercialPriceAboveTheCapIsRejectedInYuan() {
        // 27,143 × 3.3158 = 90,000.76 fen → 900.01 元 per hour, above 3 × 271.43
        Tariff t = hourly(27_143).academicMarkupBp(5_000).commercialMarkupBp(23_158).build();
        PricingException e = assertThrows(PricingException.class, () -> GUIDANCE.check("03", t));
        assertEquals(Code.TARIFF_OUTSIDE_GUIDANCE, e.code());
        assertEquals(Optional.of("commercialMarkupBp"), e.field());
        assertEquals("Commercial price 900.01 元/小时 exceeds the cap of 814.29 元/小时 (3.0 × cost) set for 分析仪器.",
                e.getMessage());
    }

    @Test
    void exactlyAtTheCapIsAccepted() {
        assertDoesNotThrow(() -> GUIDANCE.check("03", hourly(27_143).commercialMarkupBp(20_000).build()));
    }

    @Test
    void aFloorAboveCostBindsExternalClassesButNotInternalUse() {
        Tariff belowFloor = Tariff.builder().code("PPMS-SAMPLE").chargeUnit(ChargeUnit.SAMPLE).costBasisFen(40_000)
                .academicMarkupBp(2_000).commercialMarkupBp(5_000).effectiveFrom(LocalDate.of(2025, 1, 1)).build();
        PricingException e = assertThrows(PricingException.class, () -> GUIDANCE.check("04", belowFloor));
        assertEquals("Academic external price 480.00 元/样 is below the floor of 500.00 元/样 (1.25 × cost) set for "
                + "物理性能测试仪器.", e.getMessage());

        Tariff atFloor = Tariff.builder().code("PPMS-SAMPLE").chargeUnit(ChargeUnit.SAMPLE).costBasisFen(40_000)
                .academicMarkupBp(2_500).commercialMarkupBp(5_000).effectiveFrom(LocalDate.of(2025, 1, 1)).build();
        assertDoesNotThrow(() -> GUIDANCE.check("04", atFloor), "internal at 400.00 元 stays below the floor, by design");
    }

    @Test
    void aFloorBelowCostAlsoBindsInternalUseButAtCostIsAlwaysAbove() {
        PricingGuidance lenient = new PricingGuidance(Map.of("03", new GuidanceBand("分析仪器", 8_000, 20_000)));
        assertDoesNotThrow(() -> lenient.check("03", hourly(27_143).build()));
    }

    @Test
    void unknownCategoryAndMalformedBandsAreRejected() {
        assertEquals(Code.NO_GUIDANCE_FOR_CATEGORY,
                assertThrows(PricingException.class, () -> GUIDANCE.check("99", hourly(1_000).build())).code());
        assertEquals("Guidance cap for 分析仪器 must be at least cost (10,000 bp); got 9000 bp.",
                assertThrows(PricingException.class, () -> new GuidanceBand("分析仪器", 5_000, 9_000)).getMessage());
        assertEquals(Code.INVALID_GUIDANCE,
                assertThrows(PricingException.class, () -> new GuidanceBand("分析仪器", 30_000, 20_000)).code());
        assertEquals(Code.INVALID_GUIDANCE,
                assertThrows(PricingException.class, () -> new GuidanceBand("分析仪器", -1, 20_000)).code());
    }
}
