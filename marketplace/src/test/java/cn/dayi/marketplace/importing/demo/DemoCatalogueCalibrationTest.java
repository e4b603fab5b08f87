package cn.dayi.marketplace.importing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.catalogue.FundingSource;
import cn.dayi.marketplace.catalogue.InstrumentStatus;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.SharingMode;
import cn.dayi.marketplace.importing.InstrumentRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 9,000 demo rows reproduce the published statistics (shared/data/published-statistics.json,
 * transcribed here on purpose rather than read from {@code Calibration}, so a slip in either shows)
 * within ±2 percentage points. Prints the measured mix for the record.
 */
class DemoCatalogueCalibrationTest {

    private static final double TOLERANCE_PP = 2.0;
    private static List<InstrumentRow> rows;

    @BeforeAll
    static void generate() {
        rows = DemoCatalogueGenerator.instance().rows(9_000).toList();
        assertEquals(9_000, rows.size());
    }

    @Test
    void categoryMixIsShenzhens() {
        // shenzhen_platform_2020.category_instruments (工艺实验设备 = 13); they sum to 8,832
        Map<String, Double> target = new LinkedHashMap<>();
        target.put("01", 3290.0);
        target.put("02", 640.0);
        target.put("03", 193.0);
        target.put("04", 728.0);
        target.put("05", 11.0);
        target.put("06", 10.0);
        target.put("07", 7.0);
        target.put("08", 0.0);
        target.put("09", 223.0);
        target.put("10", 5.0);
        target.put("11", 107.0);
        target.put("12", 105.0);
        target.put("13", 1012.0);
        target.put("14", 723.0);
        target.put("15", 1778.0);
        assertShares("category", target, InstrumentRow::categoryCode);
    }

    @Test
    void districtMixIsShenzhens() {
        double rest = (8843 - 4284 - 498 - 421) / 7.0;
        Map<String, Double> target = new LinkedHashMap<>();
        target.put("440305", 4284.0); // 南山
        target.put("440307", 498.0); // 龙岗
        target.put("440306", 421.0); // 宝安
        for (String code : List.of("440303", "440304", "440308", "440309", "440310", "440311", "440300DP")) {
            target.put(code, rest);
        }
        assertShares("district", target, InstrumentRow::districtCode);
    }

    @Test
    void countryOfManufactureMixIsTheYangtzeSurveys() {
        Map<String, Double> target = new LinkedHashMap<>();
        target.put("US", 37.7);
        target.put("CN", 23.4);
        target.put("DE", 13.3);
        target.put("JP", 8.6);
        target.put("GB", 3.8);
        target.put("other", 13.2);
        assertShares("country", target, r -> DemoCatalogueGenerator.countryGroupOf(r.countryCode()));
        assertTrue(rows.stream().map(InstrumentRow::countryCode)
                        .filter(c -> List.of("CH", "NL", "FR", "KR", "AT", "SE").contains(c)).distinct().count() == 6,
                "the 'other' countries include CH, NL, FR, KR, AT and SE");
    }

    @Test
    void fundingMixIsTheYangtzeSurveys() {
        Map<String, Double> target = new LinkedHashMap<>();
        target.put(FundingSource.CENTRAL_FISCAL.name(), 38.6);
        target.put(FundingSource.LOCAL_FISCAL.name(), 21.8);
        target.put(FundingSource.SELF_FUNDED.name(), 25.7);
        target.put(FundingSource.OTHER.name(), 13.9);
        assertShares("funding", target, r -> r.fundingSource().name());
    }

    @Test
    void sharingModeMixIsTheYangtzeSurveys() {
        Map<String, Double> target = new LinkedHashMap<>();
        target.put(SharingMode.EXTERNAL.name(), 16187.0);
        target.put(SharingMode.INTERNAL_ONLY.name(), 14909.0);
        target.put(SharingMode.NOT_SHARED.name(), 2721.0);
        assertShares("sharing", target, r -> r.sharingMode().name());
    }

    @Test
    void valueStrataAreShenzhensAndTheBandsAboveHalfAMillionTheYangtzeSurveys() {
        Map<String, Double> strata = new LinkedHashMap<>();
        strata.put("<300k", 8843.0 - 6864);
        strata.put("300k-500k", 6864.0 - 3915);
        strata.put(">=500k", 3915.0);
        assertShares("value stratum", strata, r -> r.originalValueFen() < 30_000_000L ? "<300k"
                : r.originalValueFen() < 50_000_000L ? "300k-500k" : ">=500k");

        List<InstrumentRow> large = rows.stream().filter(r -> r.originalValueFen() >= 50_000_000L).toList();
        Map<String, Double> bands = new LinkedHashMap<>();
        bands.put("500k-2m", 28622.0);
        bands.put("2m-5m", 4256.0);
        bands.put("5m-8m", 541.0);
        bands.put(">8m", 398.0);
        assertShares("value band (>=500k)", bands, large, r -> r.originalValueFen() < 200_000_000L ? "500k-2m"
                : r.originalValueFen() < 500_000_000L ? "2m-5m"
                : r.originalValueFen() < 800_000_000L ? "5m-8m" : ">8m");
        assertTrue(rows.stream().allMatch(r -> r.originalValueFen() >= 10_000_000L), "nothing below 100k");
    }

    @Test
    void totalValueIsCloseToShenzhensPerInstrumentAverage() {
        // 76.44 亿 over 8,843 instruments = 864k each; the calibrated mix lands within 15 %
        double meanYuan = rows.stream().mapToLong(InstrumentRow::originalValueFen).average().orElseThrow() / 100;
        System.out.printf("mean original value: %.0f CNY (Shenzhen 864,411)%n", meanYuan);
        assertTrue(Math.abs(meanYuan / 864_411 - 1) < 0.15, "mean " + meanYuan);
    }

    @Test
    void mostInstrumentsAreInServiceAndAFewUnderMaintenance() {
        long maintenance = count(r -> r.status() == InstrumentStatus.UNDER_MAINTENANCE);
        long inService = count(r -> r.status() == InstrumentStatus.IN_SERVICE);
        assertEquals(rows.size(), maintenance + inService);
        assertTrue(maintenance > 100 && maintenance < 500, "under maintenance: " + maintenance);
    }

    @Test
    void instrumentsConcentrateInUniversitiesAndInstitutesThoughMostOwnersAreEnterprises() {
        double universitiesAndInstitutes = share(r -> r.owner().kind() == OrganisationKind.UNIVERSITY
                || r.owner().kind() == OrganisationKind.RESEARCH_INSTITUTE);
        double enterprises = share(r -> r.owner().kind() == OrganisationKind.ENTERPRISE);
        long owners = rows.stream().map(r -> r.owner().sourceId()).distinct().count();
        long enterpriseOwners = rows.stream().map(InstrumentRow::owner).distinct()
                .filter(o -> o.kind() == OrganisationKind.ENTERPRISE).count();
        System.out.printf("instruments held by universities+institutes %.1f %%, enterprises %.1f %%; "
                + "owners %d, of which enterprises %.1f %%%n", universitiesAndInstitutes, enterprises, owners,
                100.0 * enterpriseOwners / owners);
        assertTrue(universitiesAndInstitutes > 40, "universities and institutes " + universitiesAndInstitutes);
        assertTrue(universitiesAndInstitutes > enterprises);
        assertTrue(enterpriseOwners > 0.7 * owners, "enterprises among owners " + enterpriseOwners + "/" + owners);
    }

    @Test
    void hospitalsHoldMoreMedicalInstrumentsThanAnyOtherKind() {
        Map<OrganisationKind, Long> medical = new java.util.EnumMap<>(OrganisationKind.class);
        rows.stream().filter(r -> "09".equals(r.categoryCode()))
                .forEach(r -> medical.merge(r.owner().kind(), 1L, Long::sum));
        long hospitals = medical.getOrDefault(OrganisationKind.HOSPITAL, 0L);
        medical.forEach((kind, n) -> assertTrue(kind == OrganisationKind.HOSPITAL || n < hospitals,
                "medical instruments: " + medical));
    }

    // -------------------------------------------------------------------------------- helpers

    private static long count(Predicate<InstrumentRow> p) {
        return rows.stream().filter(p).count();
    }

    private static double share(Predicate<InstrumentRow> p) {
        return 100.0 * count(p) / rows.size();
    }

    private static void assertShares(String what, Map<String, Double> target, Function<InstrumentRow, String> key) {
        assertShares(what, target, rows, key);
    }

    private static void assertShares(String what, Map<String, Double> target, List<InstrumentRow> sample,
                                     Function<InstrumentRow, String> key) {
        double total = target.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (InstrumentRow r : sample) {
            counts.merge(key.apply(r), 1L, Long::sum);
        }
        for (String k : counts.keySet()) {
            assertTrue(target.containsKey(k), what + ": unexpected " + k);
        }
        StringBuilder report = new StringBuilder(what + " (n=" + sample.size() + "): ");
        for (Map.Entry<String, Double> e : target.entrySet()) {
            double expected = 100 * e.getValue() / total;
            double actual = 100.0 * counts.getOrDefault(e.getKey(), 0L) / sample.size();
            report.append(String.format("%s %.2f/%.2f  ", e.getKey(), actual, expected));
            assertTrue(Math.abs(actual - expected) <= TOLERANCE_PP,
                    String.format("%s %s: %.2f %% vs %.2f %%", what, e.getKey(), actual, expected));
        }
        System.out.println(report.toString().strip() + "   (actual/target %)");
    }
}
