package cn.dayi.marketplace.importing.uniquip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UniquipSkipRulesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "UNKNOWN|placeholder name ('UNKNOWN')",
            "n/a|placeholder name ('n/a')",
            "TBC|placeholder name ('TBC')",
            "97108|only an asset number, no instrument name ('97108')",
            "Inv 34761|only an asset number, no instrument name ('Inv 34761')",
            "CHAIRS|furniture or fittings ('CHAIRS')",
            "Office desk (oak)|furniture or fittings ('DESK')",
            "Greenhouse (Part) BB|building or estates work ('GREENHOUSE')",
            "BLD ALTER LEVEL2|building or estates work ('BLD')",
            "VW Van SD08DXF|vehicle or boat ('VAN')",
            "IJD500333 Land Rover|vehicle or boat ('LAND ROVER')",
            "Final Payment Mass S|payment or accounting entry ('PAYMENT')",
            "40% paid on delivery|payment or accounting entry ('40% paid on delivery')",
            "Swamp Optics Softwar|software, not an instrument ('SOFTWARE')",
            "lab equipment|generic words only, no instrument named ('lab equipment')"})
    void notInstruments(String name, String reason) {
        assertEquals(Optional.of(reason), SkipRules.reason(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ZEISS MICROSCOPE RP", "Cary 300 Spectrophot", "Vanguard detector", "Carbon analyser", "OPTICAL TABLES AND A",
            "RS2000 Optical Table", "SAFEFLOW CABINET", "DGX-1", "INV24138 Laser head", "B16412 Packard Insta",
            "Tablet press", "Add ITO Sputter XEPE", "场发射透射电子显微镜"})
    void instruments(String name) {
        assertEquals(Optional.empty(), SkipRules.reason(name));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void blankNames(String name) {
        assertEquals(Optional.of("no name"), SkipRules.reason(name));
    }
}
