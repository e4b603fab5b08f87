package cn.dayi.pricing.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.pricing.PricingException;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class TariffPropertiesTest {

    @Provide
    Arbitrary<Tariff> tariffs() {
        return TariffArbitraries.tariffs();
    }

    @Provide
    Arbitrary<GuidanceBand> bands() {
        return Arbitraries.integers().between(0, 20_000).flatMap(floor -> Arbitraries.integers()
                .between(Math.max(10_000, floor), 50_000).map(cap -> new GuidanceBand("分析仪器", floor, cap)));
    }

    @Property
    void commercialPaysAtLeastAcademicExternalWhoPaysAtLeastInternal(@ForAll("tariffs") Tariff t) {
        long internal = t.unitPriceFen(BuyerClass.INTERNAL);
        long academic = t.unitPriceFen(BuyerClass.ACADEMIC_EXTERNAL);
        long commercial = t.unitPriceFen(BuyerClass.COMMERCIAL);
        assertEquals(t.costBasisFen(), internal, "internal is at cost");
        assertTrue(academic >= internal, () -> academic + " < " + internal);
        assertTrue(commercial >= academic, () -> commercial + " < " + academic);
    }

    /**
     * Bounds are compared in whole fen: the floor and cap are cost × ratio rounded half up, so an
     * accepted price may be up to 0.5 fen beyond the exact bound; we allow 1 fen.
     */
    @Property
    void aTariffAcceptedByGuidancePricesEveryClassWithinFloorAndCap(
            @ForAll("tariffs") Tariff t, @ForAll("bands") GuidanceBand band) {
        PricingGuidance guidance = new PricingGuidance(Map.of("03", band));
        boolean accepted;
        try {
            guidance.check("03", t);
            accepted = true;
        } catch (PricingException e) {
            assertEquals(PricingException.Code.TARIFF_OUTSIDE_GUIDANCE, e.code());
            accepted = false;
        }
        Statistics.label("accepted").collect(accepted);
        // the property is only worth something if many generated tariffs pass the check
        Statistics.label("accepted").coverage(c -> c.check(true).percentage(p -> p > 20));
        if (!accepted) {
            return;
        }
        double cost = t.costBasisFen();
        for (BuyerClass c : BuyerClass.values()) {
            long price = t.unitPriceFen(c);
            assertTrue(price <= cost * band.capBp() / 10_000 + 1, () -> c + " " + price + " above cap");
            if (c.isExternal() || band.floorBp() <= 10_000) {
                assertTrue(price >= cost * band.floorBp() / 10_000 - 1, () -> c + " " + price + " below floor");
            }
        }
    }
}
