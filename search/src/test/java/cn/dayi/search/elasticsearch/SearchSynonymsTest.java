package cn.dayi.search.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SearchSynonymsTest {

    @Test
    void abbreviationsExpandToTheirFullTerms() {
        assertEquals(List.of("电子显微镜", "SEM", "TEM", "electron microscope"), SearchSynonyms.expansionsOf("电镜"));
        assertEquals(List.of("核磁共振", "NMR"), SearchSynonyms.expansionsOf("核磁"));
        assertTrue(SearchSynonyms.expansionsOf("XRD").contains("X射线衍射"));
        assertTrue(SearchSynonyms.expansionsOf("xps").contains("X射线光电子能谱"));
        assertTrue(SearchSynonyms.expansionsOf("ICP-MS").contains("电感耦合等离子体质谱"));
        assertTrue(SearchSynonyms.expansionsOf("色谱").containsAll(List.of("液相色谱", "气相色谱", "HPLC", "GC")));
        assertTrue(SearchSynonyms.expansionsOf("液质").contains("液相色谱-质谱"));
        assertTrue(SearchSynonyms.expansionsOf("Electron Microscope").contains("电子显微镜"));
    }

    @Test
    void fullNamesExpandToAbbreviations() {
        assertEquals(List.of("NMR"), SearchSynonyms.expansionsOf("核磁共振波谱仪"));
        assertTrue(SearchSynonyms.expansionsOf("扫描电子显微镜").contains("SEM"));
    }

    @Test
    void theLongestKeyWinsAndShorterKeysInsideItDoNotFire() {
        assertEquals(List.of("扫描电子显微镜", "SEM"), SearchSynonyms.expansionsOf("扫描电镜"));
        assertFalse(SearchSynonyms.expansionsOf("透射电镜").contains("SEM"));
        assertFalse(SearchSynonyms.expansionsOf("ICP-MS").contains("质谱仪"));
    }

    @Test
    void latinKeysMatchWholeWordsOnly() {
        assertEquals(List.of(), SearchSynonyms.expansionsOf("SEMICONDUCTOR"));
        assertEquals(List.of(), SearchSynonyms.expansionsOf("GeminiSEM"));
        assertEquals(List.of(), SearchSynonyms.expansionsOf("system"));
        assertTrue(SearchSynonyms.expansionsOf("场发射SEM").contains("扫描电子显微镜"), "CJK next to Latin is a boundary");
        assertTrue(SearchSynonyms.expansionsOf("Hitachi SEM 南山").contains("扫描电子显微镜"));
    }

    @Test
    void matchesSayWhereTheKeyIsSoTheRestOfTheTextCanBeRequired() {
        List<SearchSynonyms.Match> m = SearchSynonyms.matches("南山 电镜");
        assertEquals(1, m.size());
        assertEquals(3, m.get(0).start());
        assertEquals(5, m.get(0).end());
        assertEquals(2, SearchSynonyms.matches("核磁 XRD").size());
    }

    @Test
    void termsTheTextAlreadyHoldsAreNotRepeatedAndTheTotalIsCapped() {
        assertFalse(SearchSynonyms.expansionsOf("核磁 NMR").contains("NMR"));
        String many = String.join(" ", SearchSynonyms.TABLE.keySet());
        assertTrue(SearchSynonyms.expansionsOf(many).size() <= SearchSynonyms.MAX_EXPANSIONS);
        assertEquals(List.of(), SearchSynonyms.expansionsOf(""));
        assertEquals(List.of(), SearchSynonyms.expansionsOf(null));
    }

    @Test
    void everyKeyIsLowerCaseAndEveryEntryHasTerms() {
        SearchSynonyms.TABLE.forEach((k, v) -> {
            assertEquals(k.toLowerCase(Locale.ROOT), k);
            assertFalse(v.isEmpty(), k);
        });
        assertEquals(List.of("扫描电子显微镜", "扫描电镜", "scanning electron microscope"), SearchSynonyms.exactly(" sem "));
    }
}
