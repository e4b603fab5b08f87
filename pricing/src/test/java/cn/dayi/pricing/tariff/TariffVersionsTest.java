package cn.dayi.pricing.tariff;

import static cn.dayi.pricing.tariff.TariffArbitraries.hourly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TariffVersionsTest {

    private static final Tariff V1 = hourly(27_143).version(1)
            .effectiveFrom(LocalDate.of(2025, 1, 1)).effectiveTo(LocalDate.of(2025, 6, 30)).build();
    private static final Tariff V2 = hourly(30_000).version(2).effectiveFrom(LocalDate.of(2025, 7, 1)).build();

    @Test
    void findsTheVersionInEffectOnADay() {
        TariffVersions versions = new TariffVersions(List.of(V2, V1));
        assertEquals(List.of(V1, V2), versions.versions(), "ordered by start");
        assertEquals(Optional.empty(), versions.effectiveOn(LocalDate.of(2024, 12, 31)));
        assertEquals(Optional.of(V1), versions.effectiveOn(LocalDate.of(2025, 6, 30)));
        assertEquals(Optional.of(V2), versions.effectiveOn(LocalDate.of(2025, 7, 1)));
        assertEquals(Optional.of(V2), versions.effectiveOn(LocalDate.of(2030, 1, 1)), "open-ended");
    }

    @Test
    void versionsSharingADayAreRejected() {
        Tariff v2EarlyStart = hourly(30_000).version(2).effectiveFrom(LocalDate.of(2025, 6, 30)).build();
        PricingException e = assertThrows(PricingException.class,
                () -> new TariffVersions(List.of(V1, v2EarlyStart)));
        assertEquals(Code.TARIFF_VERSIONS_OVERLAP, e.code());
        assertEquals("Tariff TEM-HOUR v2 starts on 2025-06-30 while v1 is still in effect (2025-01-01 to 2025-06-30).",
                e.getMessage());
    }

    @Test
    void anOpenEndedVersionFollowedByAnotherIsRejected() {
        TariffVersions open = new TariffVersions(List.of(hourly(27_143).version(1).build()));
        PricingException e = assertThrows(PricingException.class, () -> open.plus(V2));
        assertEquals(Code.TARIFF_VERSIONS_OVERLAP, e.code());
        assertEquals(1, open.versions().size(), "the original set is unchanged");
    }

    @Test
    void versionsOfDifferentTariffsOrRepeatedNumbersAreRejected() {
        Tariff other = hourly(1_000).code("NMR-HOUR").version(2).effectiveFrom(LocalDate.of(2025, 7, 1)).build();
        assertEquals(Code.TARIFF_VERSIONS_INCONSISTENT,
                assertThrows(PricingException.class, () -> new TariffVersions(List.of(V1, other))).code());
        Tariff againV1 = hourly(30_000).version(1).effectiveFrom(LocalDate.of(2025, 7, 1)).build();
        assertEquals(Code.TARIFF_VERSIONS_INCONSISTENT,
                assertThrows(PricingException.class, () -> new TariffVersions(List.of(V1, againV1))).code());
    }
}
