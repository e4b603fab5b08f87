package cn.dayi.search.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.search.api.InstrumentDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseHighlighterTest {

    private static InstrumentDocument doc(String name, String model, String manufacturer, String params) {
        return new InstrumentDocument(1, "DY1", name, null, model, manufacturer, "DE", null, "CNY", null, null, "01",
                "分析仪器", 7, "深圳大学", "UNIVERSITY", "440305", "南山区", List.of("440305"), null, null, params,
                "EXTERNAL", "IN_SERVICE", null, false, Instant.EPOCH);
    }

    @Test
    void marksTheWholePhraseAndItsExpansionNotSingleCharacters() {
        Map<String, List<String>> h = PhraseHighlighter.forText("核磁")
                .highlight(doc("核磁共振波谱仪", "AVANCE NEO 600", "Bruker", "磁场强度 14.1 T；NMR 探头 5 mm"));
        assertEquals("<em>核磁共振</em>波谱仪", h.get("name").get(0), "the expansion 核磁共振 is the longest phrase");
        assertTrue(h.get("technicalParameters").get(0).contains("<em>NMR</em>"));
        assertFalse(h.get("technicalParameters").get(0).contains("<em>磁</em>"), "no stray characters");
    }

    @Test
    void asciiMatchesWholeWordsCaseInsensitivelyAndEscapesTheRest() {
        Map<String, List<String>> h = PhraseHighlighter.forText("bruker")
                .highlight(doc("<script>x</script> Bruker SEMICONDUCTOR", null, "Bruker", null));
        assertEquals("<em>Bruker</em>", h.get("manufacturer").get(0));
        assertEquals("&lt;script&gt;x&lt;/script&gt; <em>Bruker</em> SEMICONDUCTOR", h.get("name").get(0));
        Map<String, List<String>> sem = PhraseHighlighter.forText("SEM").highlight(doc("SEMICONDUCTOR tester", null, null, null));
        assertFalse(sem.containsKey("name"), "SEM is not marked inside SEMICONDUCTOR: " + sem);
    }

    @Test
    void longParametersGiveShortFragmentsAroundTheMatch() {
        String params = "甲".repeat(500) + "分辨率 0.1 nm" + "乙".repeat(500);
        List<String> f = PhraseHighlighter.forText("分辨率").highlight(doc("x", null, null, params)).get("technicalParameters");
        assertEquals(1, f.size());
        assertTrue(f.get(0).contains("<em>分辨率</em>"));
        assertTrue(f.get(0).length() < PhraseHighlighter.FRAGMENT + 20, f.get(0));
        assertTrue(f.get(0).startsWith("…") && f.get(0).endsWith("…"));
    }

    @Test
    void noTextNoHighlights() {
        assertTrue(PhraseHighlighter.forText("").highlight(doc("核磁共振波谱仪", null, null, null)).isEmpty());
    }
}
