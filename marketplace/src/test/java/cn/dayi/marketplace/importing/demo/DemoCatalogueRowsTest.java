package cn.dayi.marketplace.importing.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.importing.InstrumentRow;
import cn.dayi.marketplace.importing.InstrumentRow.OwnerRef;
import cn.dayi.marketplace.importing.demo.DemoOwners.DemoOwner;
import cn.dayi.marketplace.importing.demo.InstrumentTypes.Model;
import cn.dayi.marketplace.importing.demo.InstrumentTypes.Type;
import cn.dayi.marketplace.importing.demo.ShenzhenDistricts.District;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every one of 9,000 demo rows is importable and internally consistent. */
class DemoCatalogueRowsTest {

    private static List<InstrumentRow> rows;

    @BeforeAll
    static void generate() {
        rows = DemoCatalogueGenerator.instance().rows(9_000).toList();
    }

    @Test
    void everyRowFitsTheColumnsOfV1Catalogue() {
        for (InstrumentRow r : rows) {
            String id = r.sourceId();
            // instrument table
            maxLength(id, "name", r.name(), 200, true);
            maxLength(id, "name_en", r.nameEn(), 200, false);
            maxLength(id, "model", r.model(), 120, false);
            maxLength(id, "manufacturer", r.manufacturer(), 120, false);
            exactLength(id, "country_code", r.countryCode(), 2);
            exactLength(id, "currency", r.currency(), 3);
            maxLength(id, "funding_source", r.fundingSource().name(), 24, true);
            maxLength(id, "department", r.department(), 200, false);
            maxLength(id, "address", r.address(), 300, false);
            maxLength(id, "region_code", r.districtCode(), 16, false);
            maxLength(id, "category_code", r.categoryCode(), 4, true);
            maxLength(id, "technical_parameters", r.technicalParameters(), 20_000, false);
            maxLength(id, "sample_requirements", r.sampleRequirements(), 20_000, false);
            maxLength(id, "service_description", r.serviceDescription(), 20_000, false);
            maxLength(id, "sharing_mode", r.sharingMode().name(), 16, true);
            maxLength(id, "status", r.status().name(), 24, true);
            maxLength(id, "contact_name", r.contactName(), 120, false);
            maxLength(id, "contact_phone", r.contactPhone(), 64, false);
            maxLength(id, "contact_email", r.contactEmail(), 200, false);
            maxLength(id, "contact_url", r.contactUrl(), 500, false);
            maxLength(id, "photo_url", r.photoUrl(), 500, false);
            maxLength(id, "source", r.source(), 64, true);
            maxLength(id, "source_id", r.sourceId(), 191, true);
            assertTrue(r.originalValueFen() != null && r.originalValueFen() >= 0, id + " original_value_fen");
            decimal96(id, "lat", r.lat(), 90);
            decimal96(id, "lon", r.lon(), 180);
            // organisation table
            OwnerRef o = r.owner();
            maxLength(id, "organisation.name_zh", o.name(), 200, true);
            maxLength(id, "organisation.name_en", o.nameEn(), 200, false);
            maxLength(id, "organisation.kind", o.kind().name(), 32, true);
            maxLength(id, "organisation.region_code", o.districtCode(), 16, false);
            maxLength(id, "organisation.source", o.source(), 64, true);
            maxLength(id, "organisation.source_id", o.sourceId(), 191, true);
        }
    }

    @Test
    void codesAreOnesTheReferenceTablesKnow() {
        List<String> districts = ShenzhenDistricts.ALL.stream().map(District::code).toList();
        assertEquals(List.of("440303", "440304", "440305", "440306", "440307", "440308", "440309", "440310",
                "440311", "440300DP"), districts, "the district codes seeded by V1__catalogue.sql");
        for (InstrumentRow r : rows) {
            assertTrue(districts.contains(r.districtCode()), r.sourceId());
            assertTrue(NationalCategory.resolve(r.categoryCode()).isPresent(), r.sourceId());
            assertTrue(r.countryCode().matches("[A-Z]{2}"), r.sourceId());
        }
    }

    @Test
    void typeModelAndManufacturerComeFromTheTypeTable() {
        Map<String, Type> typesByName = new HashMap<>();
        for (Type t : InstrumentTypes.all()) {
            assertNull(typesByName.put(t.nameZh(), t), "type names are unique: " + t.nameZh());
        }
        for (InstrumentRow r : rows) {
            Type t = typesByName.get(r.name());
            assertNotNull(t, r.sourceId() + " " + r.name());
            assertEquals(t.nameEn(), r.nameEn(), r.sourceId());
            assertEquals(t.category().code(), r.categoryCode(), r.sourceId() + " category of " + r.name());
            assertEquals(t.technicalParameters(), r.technicalParameters());
            Model m = t.models().stream()
                    .filter(x -> x.manufacturer().equals(r.manufacturer()) && x.model().equals(r.model()))
                    .findFirst().orElse(null);
            assertNotNull(m, r.sourceId() + ": " + r.manufacturer() + " " + r.model() + " is not a " + r.name());
            assertEquals(m.countryCode(), r.countryCode(), r.sourceId() + " country of " + r.model());
        }
    }

    @Test
    void valueAndPurchaseDateFitTheModel() {
        long outsideModelRange = 0;
        for (InstrumentRow r : rows) {
            Model m = model(r);
            long yuan = r.originalValueFen() / 100;
            assertEquals(0, r.originalValueFen() % 100, "whole yuan");
            if (yuan < m.minYuan() || yuan >= m.maxYuan()) {
                outsideModelRange++;
            }
            int year = r.purchaseDate().getYear();
            assertTrue(year >= 2008 && year <= 2024, r.sourceId() + " bought " + r.purchaseDate());
            assertTrue(year >= m.sinceYear() && year <= m.untilYear(),
                    r.sourceId() + ": " + r.model() + " bought " + year + ", sold " + m.sinceYear() + "–"
                            + m.untilYear());
        }
        assertEquals(0, outsideModelRange, "values outside their model's range");
    }

    @Test
    void everyCoordinateLiesInAZoneOfItsDistrictOnItsOwnersCampus() {
        for (InstrumentRow r : rows) {
            District d = ShenzhenDistricts.byCode(r.districtCode());
            assertNotNull(d.zoneContaining(r.lat(), r.lon()),
                    r.sourceId() + " at " + r.lat() + "," + r.lon() + " is in no zone of " + d.nameZh());
            DemoOwner owner = DemoOwners.bySourceId(r.owner().sourceId());
            assertNotNull(owner, r.owner().sourceId());
            assertSame(d, owner.district(), r.sourceId());
            double km = ShenzhenDistricts.distanceKm(owner.lat(), owner.lon(), r.lat(), r.lon());
            assertTrue(km <= Calibration.CAMPUS_JITTER_KM + 0.001, r.sourceId() + " is " + km + " km from its owner");
            assertTrue(r.address().startsWith(owner.address()), r.sourceId() + " address " + r.address());
            assertTrue(r.address().startsWith("深圳市" + d.nameZh()), r.sourceId() + " address " + r.address());
        }
    }

    @Test
    void oneOwnerIsAlwaysTheSameOwnerRef() {
        Map<String, OwnerRef> seen = new HashMap<>();
        for (InstrumentRow r : rows) {
            OwnerRef previous = seen.putIfAbsent(r.owner().sourceId(), r.owner());
            if (previous != null) {
                assertEquals(previous, r.owner());
            }
        }
        assertTrue(seen.size() >= 150, "owners in use: " + seen.size());
    }

    @Test
    void everyRowHasTheFieldsADemoVisitorSees() {
        for (InstrumentRow r : rows) {
            for (String value : new String[]{r.name(), r.nameEn(), r.model(), r.manufacturer(), r.department(),
                    r.address(), r.technicalParameters(), r.sampleRequirements(), r.serviceDescription()}) {
                assertNotNull(value, r.sourceId());
                assertTrue(!value.isBlank() && value.strip().equals(value), r.sourceId() + " '" + value + "'");
            }
            assertNotNull(r.purchaseDate());
            assertNotNull(r.fundingSource());
            assertNotNull(r.sharingMode());
            assertNotNull(r.status());
        }
    }

    // -------------------------------------------------------------------------------- helpers

    private static Model model(InstrumentRow r) {
        return InstrumentTypes.all().stream().filter(t -> t.nameZh().equals(r.name()))
                .flatMap(t -> t.models().stream()).filter(m -> m.model().equals(r.model())).findFirst().orElseThrow();
    }

    private static void maxLength(String id, String column, String value, int max, boolean required) {
        if (value == null) {
            assertTrue(!required, id + ": " + column + " is required");
            return;
        }
        int length = value.codePointCount(0, value.length());
        assertTrue(length <= max, id + ": " + column + " has " + length + " characters, column holds " + max);
        assertTrue(!required || length > 0, id + ": " + column + " is empty");
    }

    private static void exactLength(String id, String column, String value, int length) {
        assertNotNull(value, id + ": " + column);
        assertEquals(length, value.length(), id + ": " + column + " '" + value + "'");
    }

    /** DECIMAL(9,6): at most 6 decimals and within ±limit. */
    private static void decimal96(String id, String column, Double value, double limit) {
        assertNotNull(value, id + ": " + column);
        assertTrue(Math.abs(value) <= limit, id + ": " + column + " " + value);
        assertTrue(BigDecimal.valueOf(value).stripTrailingZeros().scale() <= 6, id + ": " + column + " " + value);
    }
}
