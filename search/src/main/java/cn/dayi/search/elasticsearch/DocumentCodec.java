package cn.dayi.search.elasticsearch;

import cn.dayi.search.api.InstrumentDocument;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Converts between {@link InstrumentDocument} and the {@code _source} of the index: the
 * document's own fields under their record names, plus {@code location} (a geo point, when both
 * lat and lon are known) and {@code suggest} (the completion inputs: name and English name,
 * model, manufacturer, weighted in that order). Dates are ISO-8601 strings.
 */
final class DocumentCodec {

    /** Jackson mapper for documents and for the Elasticsearch client: java.time as ISO strings. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    static final String LOCATION = "location";
    static final String SUGGEST = "suggest";
    /** Weights of the completion inputs: names rank above models above manufacturers. */
    static final int WEIGHT_NAME = 30;
    static final int WEIGHT_MODEL = 20;
    static final int WEIGHT_MANUFACTURER = 10;

    private DocumentCodec() {
    }

    /** The {@code _source} to index for a document. */
    static ObjectNode toSource(InstrumentDocument doc) {
        ObjectNode node = MAPPER.valueToTree(doc);
        node.remove(LOCATION);
        if (doc.lat() != null && doc.lon() != null) {
            node.putObject(LOCATION).put("lat", doc.lat()).put("lon", doc.lon());
        }
        ArrayNode suggest = node.putArray(SUGGEST);
        addInputs(suggest, WEIGHT_NAME, doc.name(), doc.nameEn());
        addInputs(suggest, WEIGHT_MODEL, doc.model());
        addInputs(suggest, WEIGHT_MANUFACTURER, doc.manufacturer());
        if (suggest.isEmpty()) {
            node.remove(SUGGEST);
        }
        return node;
    }

    /** The document of a {@code _source}; unknown fields ({@code location}, {@code suggest}) are ignored. */
    static InstrumentDocument fromSource(ObjectNode source) {
        try {
            return MAPPER.treeToValue(source, InstrumentDocument.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable instrument document in the index: " + e.getOriginalMessage(), e);
        }
    }

    private static void addInputs(ArrayNode suggest, int weight, String... texts) {
        Set<String> inputs = new LinkedHashSet<>();
        for (String t : texts) {
            // completion inputs must not hold control characters (0x00, 0x1E, 0x1F are reserved)
            String clean = QueryText.clean(t, 100);
            if (!clean.isEmpty()) {
                inputs.add(clean);
            }
        }
        if (!inputs.isEmpty()) {
            ObjectNode entry = suggest.addObject();
            ArrayNode in = entry.putArray("input");
            inputs.forEach(in::add);
            entry.put("weight", weight);
        }
    }
}
