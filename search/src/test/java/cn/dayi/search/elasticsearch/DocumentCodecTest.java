package cn.dayi.search.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.search.api.InstrumentDocument;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DocumentCodecTest {

    static InstrumentDocument nmr(Double lat, Double lon) {
        return new InstrumentDocument(6, "DY0000000006", "核磁共振波谱仪", "NMR Spectrometer", "AVANCE NEO 600", "Bruker",
                "DE", 600_000_000L, "CNY", "5m-8m", "CENTRAL_FISCAL", "01", "分析仪器", 101, "南方科技大学",
                "UNIVERSITY", "440305", "南山区", List.of("440305", "440300", "440000", "CN"), lat, lon,
                "600MHz", "EXTERNAL", "IN_SERVICE", LocalDate.of(2020, 5, 1), false,
                Instant.parse("2025-03-04T05:06:07.123456Z"));
    }

    @Test
    void aDocumentSurvivesTheRoundTrip() {
        InstrumentDocument d = nmr(22.6, 113.99);
        ObjectNode source = DocumentCodec.toSource(d);
        assertEquals("2020-05-01", source.get("purchaseDate").asText());
        assertEquals("2025-03-04T05:06:07.123456Z", source.get("updatedAt").asText());
        assertEquals(22.6, source.at("/location/lat").asDouble());
        assertEquals(d, DocumentCodec.fromSource(source));
    }

    @Test
    void suggestInputsAreWeightedNamesThenModelThenManufacturer() {
        JsonNode suggest = DocumentCodec.toSource(nmr(null, null)).get("suggest");
        assertEquals("核磁共振波谱仪", suggest.at("/0/input/0").asText());
        assertEquals("NMR Spectrometer", suggest.at("/0/input/1").asText());
        assertEquals(DocumentCodec.WEIGHT_NAME, suggest.at("/0/weight").asInt());
        assertEquals("AVANCE NEO 600", suggest.at("/1/input/0").asText());
        assertEquals("Bruker", suggest.at("/2/input/0").asText());
    }

    @Test
    void noLocationWithoutBothCoordinates() {
        assertFalse(DocumentCodec.toSource(nmr(null, 113.0)).has("location"));
        assertTrue(DocumentCodec.toSource(nmr(0.0, 0.0)).has("location"));
    }

    @Test
    void theMappingCoversEveryFieldTheCodecWrites() throws Exception {
        JsonNode mapping;
        try (InputStream in = DocumentCodec.class.getResourceAsStream("instrument-mappings.json")) {
            mapping = DocumentCodec.MAPPER.readTree(in);
        }
        assertEquals("strict", mapping.get("dynamic").asText());
        Set<String> mapped = new HashSet<>();
        mapping.get("properties").fieldNames().forEachRemaining(mapped::add);
        Set<String> written = new HashSet<>();
        DocumentCodec.toSource(nmr(1.0, 2.0)).fieldNames().forEachRemaining(written::add);
        assertEquals(mapped, written);
    }
}
