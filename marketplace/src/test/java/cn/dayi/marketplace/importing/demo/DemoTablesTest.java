package cn.dayi.marketplace.importing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.importing.demo.DemoOwners.DemoOwner;
import cn.dayi.marketplace.importing.demo.InstrumentTypes.Model;
import cn.dayi.marketplace.importing.demo.InstrumentTypes.Type;
import cn.dayi.marketplace.importing.demo.ShenzhenDistricts.District;
import cn.dayi.marketplace.importing.demo.ShenzhenDistricts.Zone;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tables behind the demo catalogue: types, owners, districts and the fitted mixes. */
class DemoTablesTest {

    @Test
    void thereAreSixtyOrMoreTypesWithTwoToFiveRealModelsEach() {
        List<Type> types = InstrumentTypes.all();
        assertTrue(types.size() >= 60, "types: " + types.size());
        Set<String> keys = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Type t : types) {
            assertTrue(keys.add(t.key()), "duplicate key " + t.key());
            assertTrue(names.add(t.nameZh()), "duplicate name " + t.nameZh());
            assertTrue(t.models().size() >= 2 && t.models().size() <= 5, t.key() + " has " + t.models().size());
            Set<String> models = new HashSet<>();
            for (Model m : t.models()) {
                assertTrue(models.add(m.manufacturer() + " " + m.model()), "duplicate model in " + t.key());
                assertTrue(m.minYuan() >= 100_000 && m.maxYuan() > m.minYuan(), t.key() + " " + m);
                assertTrue(m.sinceYear() <= m.untilYear() && m.untilYear() >= 2008 && m.sinceYear() <= 2024,
                        t.key() + " " + m);
            }
            assertFalse(t.technicalParameters().isBlank() || t.sampleRequirements().isBlank()
                    || t.serviceDescription().isBlank() || t.nameEn().isBlank(), t.key());
        }
    }

    @Test
    void everyCategoryShenzhenHasHasTypes() {
        for (NationalCategory c : NationalCategory.values()) {
            boolean published = c != NationalCategory.ASTRONOMICAL; // Shenzhen lists no 天文仪器
            boolean hasTypes = InstrumentTypes.all().stream().anyMatch(t -> t.category() == c);
            assertEquals(published, hasTypes, c.nameZh());
        }
    }

    @Test
    void chineseManufacturersMakeInChinaAndFamousOnesWhereTheyDo() {
        for (Type t : InstrumentTypes.all()) {
            for (Model m : t.models()) {
                boolean chineseName = m.manufacturer().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF);
                if (chineseName) {
                    assertEquals("CN", m.countryCode(), m.manufacturer() + " " + m.model());
                }
            }
        }
        assertEquals("NL", model("透射电子显微镜", "Talos F200X").countryCode());
        assertEquals("JP", model("电感耦合等离子体质谱仪", "7900 ICP-MS").countryCode());
        assertEquals("CN", model("扫描电子显微镜", "SEM3200").countryCode());
    }

    @Test
    void ownersAreRealAndGeneratedShenzhenOrganisations() {
        List<DemoOwner> owners = DemoOwners.all();
        assertTrue(owners.size() >= 150 && owners.size() <= 460, "owners: " + owners.size());
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (DemoOwner o : owners) {
            assertEquals("demo", o.ref().source());
            assertTrue(o.ref().sourceId().matches("[a-z0-9-]+"), "slug " + o.ref().sourceId());
            assertTrue(ids.add(o.ref().sourceId()), "duplicate id " + o.ref().sourceId());
            assertTrue(names.add(o.ref().name()), "duplicate name " + o.ref().name());
            assertEquals(o.district().code(), o.ref().districtCode());
            assertTrue(o.zone().contains(o.lat(), o.lon()), o.ref().name());
            assertTrue(o.district().zones().contains(o.zone()), o.ref().name());
            assertTrue(o.address().startsWith("深圳市" + o.district().nameZh()), o.address());
            if (o.generated()) {
                assertTrue(o.ref().nameEn().endsWith("(demo)"), o.ref().nameEn());
                assertTrue(o.zone().openToEnterprises(), o.ref().name() + " placed on a campus");
            }
        }
        for (String[] known : new String[][]{{"szu", "深圳大学", "440305"}, {"sustech", "南方科技大学", "440305"},
                {"cuhk-sz", "香港中文大学（深圳）", "440307"}, {"cti", "华测检测认证集团股份有限公司", "440306"},
                {"huawei", "华为技术有限公司", "440307"}, {"byd", "比亚迪股份有限公司", "440310"}}) {
            DemoOwner o = DemoOwners.bySourceId(known[0]);
            assertNotNull(o, known[0]);
            assertEquals(known[1], o.ref().name());
            assertEquals(known[2], o.district().code());
        }
        assertEquals(OrganisationKind.TESTING_AGENCY, DemoOwners.bySourceId("cti").kind());
        long enterprises = owners.stream().filter(o -> o.kind() == OrganisationKind.ENTERPRISE).count();
        assertTrue(enterprises > 0.7 * owners.size(), "most owners are research enterprises, as in Shenzhen");
    }

    @Test
    void everyDistrictHasOwnersAndItsZonesLieNearItsCentre() {
        for (District d : ShenzhenDistricts.ALL) {
            assertTrue(DemoOwners.all().stream().anyMatch(o -> o.district() == d), d.nameZh());
            for (Zone z : d.zones()) {
                assertTrue(z.radiusKm() <= 2.0, z.name());
                // Shenzhen's districts are at most ~40 km across; a zone far from its centre is a typo
                assertTrue(ShenzhenDistricts.distanceKm(d.centreLat(), d.centreLon(), z.lat(), z.lon()) < 25,
                        d.nameZh() + " " + z.name());
                assertTrue(z.addressStem().startsWith("深圳市" + d.nameZh()), z.addressStem());
            }
        }
    }

    @Test
    void theFittedMixesEqualThePublishedOnesInExpectation() {
        DemoCatalogueGenerator g = DemoCatalogueGenerator.instance();
        Calibration.COUNTRY_PCT.forEach((country, pct) ->
                assertEquals(pct / 100, g.expectedCountryShares().get(country), 1e-6, country));
        Calibration.FUNDING_PCT.forEach((source, pct) ->
                assertEquals(pct / 100, g.expectedFundingShares().get(source), 1e-6, source.name()));
        assertTrue(g.expectedOutsideBandShare() < 0.005, "rows whose value ignores the band");
    }

    private static Model model(String type, String model) {
        return InstrumentTypes.all().stream().filter(t -> t.nameZh().equals(type)).flatMap(t -> t.models().stream())
                .filter(m -> m.model().equals(model)).findFirst().orElseThrow();
    }
}
