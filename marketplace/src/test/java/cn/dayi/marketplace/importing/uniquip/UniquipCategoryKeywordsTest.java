package cn.dayi.marketplace.importing.uniquip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UniquipCategoryKeywordsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "ZEISS MICROSCOPE RP|01",
            "Hitachi S4800 SEM|01",
            "Bruker NMR Spectrome|01",
            "Q TRAP MASS SPECTROM|01",
            "X-RAY DEFRACTION|01",
            "GAS CHROMATOGRAPHY|01",
            "Spectrum analyser|04",
            "Digital Oscilloscope|04",
            "TGA 2 Thermal Analys|02",
            "VP-ITC Microcalorime|02",
            "Verdi V10 Laser 10W|12",
            "Confocal Laser Micro|01",
            "Laser Scanner|12",
            "Tobii eye tracker|09",
            "Avanti J-20 Centrifu|13",
            "Lab vacuum furnace|13",
            "RS6000 COMPUTER RP 6|14",
            "INDIGO2 COMPUTER RJ|14",
            "EastChem Cluster|14",
            "Helium Leak Detector|11",
            "Honeybee 963|15",
            "SCANWELL 28379 BAKE|15"})
    void categories(String name, String code) {
        assertEquals(code, CategoryKeywords.infer(Words.of(name)).code());
    }
}
