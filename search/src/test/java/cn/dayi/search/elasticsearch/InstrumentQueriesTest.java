package cn.dayi.search.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.search.api.InstrumentQuery;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The structure of the requests, checked without a server. */
class InstrumentQueriesTest {

    static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper(DocumentCodec.MAPPER);

    @Test
    void userTextOnlyEverReachesMatchTermAndPrefixQueries() throws Exception {
        String text = "\"核磁 AND (\" OR *:* OR name:/.*/ {\"query\":1}";
        JsonNode body = json(InstrumentQueries.search("i", query(text, InstrumentQuery.Sort.RELEVANCE, null, null)));
        String s = body.toString();
        for (String forbidden : List.of("query_string", "simple_query_string", "regexp", "wildcard", "script", "fuzzy")) {
            assertFalse(s.contains("\"" + forbidden + "\""), forbidden + " in " + s);
        }
        List<String> queryTypes = new ArrayList<>();
        collectQueryTypes(body.get("query"), queryTypes);
        assertTrue(List.of("bool", "multi_match", "match_phrase", "terms", "prefix").containsAll(queryTypes), queryTypes.toString());
    }

    @Test
    void wordsNeedMostTermsAndPhrasesAndKeywordsAreBoostedOnTop() throws Exception {
        JsonNode q = json(InstrumentQueries.search("i", query("核磁", InstrumentQuery.Sort.RELEVANCE, null, null))).get("query");
        JsonNode must = q.at("/bool/must/0/bool/should");
        JsonNode words = must.get(0).get("multi_match");
        assertEquals("cross_fields", words.get("type").asText());
        assertEquals(InstrumentQueries.WORDS_MINIMUM_SHOULD_MATCH, words.get("minimum_should_match").asText());
        assertEquals("核磁", words.get("query").asText());
        // expansions 核磁共振 and NMR are alternatives, each as phrases in name and other fields
        assertTrue(must.toString().contains("\"核磁共振\""), must.toString());
        assertTrue(must.toString().contains("\"NMR\""), must.toString());
        JsonNode should = q.at("/bool/should");
        JsonNode namePhrase = should.get(0).at("/match_phrase/name");
        assertEquals("核磁", namePhrase.get("query").asText());
        assertEquals(0, namePhrase.get("slop").asInt());
        assertEquals(InstrumentQueries.BOOST_PHRASE_NAME, namePhrase.get("boost").floatValue());
        assertTrue(should.toString().contains("\"model.kw\""));
        assertTrue(should.toString().contains("\"manufacturer.kw\""));
    }

    @Test
    void anExpansionStillRequiresTheRestOfTheText() throws Exception {
        JsonNode alternatives = json(InstrumentQueries.search("i", query("南山 电镜", InstrumentQuery.Sort.RELEVANCE, null, null)))
                .at("/query/bool/must/0/bool/should");
        JsonNode second = alternatives.get(1);
        assertEquals("南山", second.at("/bool/must/1/multi_match/query").asText(), second.toString());
    }

    @Test
    void fieldBoostsFollowNameThenModelAndManufacturerThenCategoryOwnerParameters() {
        List<String> f = InstrumentQueries.WORD_FIELDS;
        assertTrue(boost(f, "name") > boost(f, "model"));
        assertEquals(boost(f, "model"), boost(f, "manufacturer"));
        assertTrue(boost(f, "manufacturer") > boost(f, "categoryName"));
        assertTrue(boost(f, "categoryName") > boost(f, "ownerName"));
        assertTrue(boost(f, "ownerName") > boost(f, "technicalParameters"));
    }

    @Test
    void noTextMeansMatchAllWithoutHighlight() throws Exception {
        JsonNode body = json(InstrumentQueries.search("i", InstrumentQuery.all()));
        assertTrue(body.at("/query/match_all").isObject(), body.toString());
        assertTrue(body.path("highlight").isMissingNode());
        JsonNode blank = json(InstrumentQueries.search("i", query(" \u0000 ", InstrumentQuery.Sort.RELEVANCE, null, null)));
        assertTrue(blank.at("/query/match_all").isObject());
    }

    @Test
    void filtersWithoutFacetsRestrictTheQueryAndFacetFiltersGoToPostFilter() throws Exception {
        InstrumentQuery q = new InstrumentQuery("电镜", List.of("01"), List.of("440300"), null, List.of(101L), null, null,
                List.of("gt8m"), null, new InstrumentQuery.GeoPoint(22.5, 113.9), 10.0, InstrumentQuery.Sort.DISTANCE, 0, 20);
        JsonNode body = json(InstrumentQueries.search("i", q));
        JsonNode filter = body.at("/query/bool/filter");
        assertEquals("440300", filter.get(0).at("/terms/regionCodes/0").asText());
        assertEquals("101", filter.get(1).at("/terms/ownerId/0").asText());
        assertEquals("10.0km", filter.get(2).at("/geo_distance/distance").asText());
        JsonNode post = body.at("/post_filter/bool/filter");
        assertEquals("01", post.get(0).at("/terms/categoryCode/0").asText());
        assertEquals("gt8m", post.get(1).at("/terms/valueBand/0").asText());
        // the category facet ignores the category filter but obeys the value band one
        JsonNode categoryFacet = body.at("/aggregations/category/filter/bool/filter");
        assertEquals(1, categoryFacet.size());
        assertEquals("gt8m", categoryFacet.get(0).at("/terms/valueBand/0").asText());
        assertEquals("categoryCode", body.at("/aggregations/category/aggregations/values/terms/field").asText());
        JsonNode countryFacet = body.at("/aggregations/country/filter/bool/filter");
        assertEquals(2, countryFacet.size());
        assertTrue(body.at("/aggregations/district/filter/bool/filter").size() == 2);
        assertEquals(6, body.get("aggregations").size());
        // distance sort, then id
        assertEquals("km", body.at("/sort/0/_geo_distance/unit").asText());
        assertEquals("asc", body.at("/sort/0/_geo_distance/order").asText());
        assertEquals("asc", body.at("/sort/1/id/order").asText());
        assertTrue(body.get("track_total_hits").asBoolean());
    }

    @Test
    void sortsAndPaging() throws Exception {
        JsonNode relevance = json(InstrumentQueries.search("i", query("x", InstrumentQuery.Sort.RELEVANCE, null, null)));
        assertEquals("desc", relevance.at("/sort/0/_score/order").asText());
        assertEquals("asc", relevance.at("/sort/1/id/order").asText());
        JsonNode newest = json(InstrumentQueries.search("i", query("x", InstrumentQuery.Sort.NEWEST, null, null)));
        assertEquals("desc", newest.at("/sort/0/updatedAt/order").asText());
        InstrumentQuery page3 = new InstrumentQuery(null, null, null, null, null, null, null, null, null, null, null,
                null, 3, 500);
        JsonNode paged = json(InstrumentQueries.search("i", page3));
        assertEquals(InstrumentQuery.MAX_SIZE, paged.get("size").asInt());
        assertEquals(3 * InstrumentQuery.MAX_SIZE, paged.get("from").asInt());
        assertEquals(1, InstrumentQueries.effectiveSize(0));
        assertEquals(1, InstrumentQueries.effectiveSize(-5));
    }

    @Test
    void queriesItCannotRunAreRejectedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> InstrumentQueries.search("i",
                query(null, InstrumentQuery.Sort.DISTANCE, null, null)));
        assertThrows(IllegalArgumentException.class, () -> InstrumentQueries.search("i",
                query(null, InstrumentQuery.Sort.RELEVANCE, null, 5.0)));
        assertThrows(IllegalArgumentException.class, () -> InstrumentQueries.search("i",
                query(null, InstrumentQuery.Sort.RELEVANCE, new InstrumentQuery.GeoPoint(91, 0), null)));
        assertThrows(IllegalArgumentException.class, () -> InstrumentQueries.search("i",
                query(null, InstrumentQuery.Sort.RELEVANCE, new InstrumentQuery.GeoPoint(22, 113), -1.0)));
        IllegalArgumentException deep = assertThrows(IllegalArgumentException.class, () -> InstrumentQueries.search("i",
                new InstrumentQuery(null, null, null, null, null, null, null, null, null, null, null, null, 500, 20)));
        assertTrue(deep.getMessage().contains("10000"), deep.getMessage());
        InstrumentQueries.search("i", new InstrumentQuery(null, null, null, null, null, null, null, null, null, null,
                null, null, 499, 20));
    }

    @Test
    void suggestUsesTheCompletionFieldAndWidensKnownAbbreviations() throws Exception {
        JsonNode body = json(InstrumentQueries.suggest("i", "SEM", 5));
        assertEquals(0, body.get("size").asInt());
        JsonNode s0 = body.at("/suggest/s0");
        assertEquals("SEM", s0.get("prefix").asText());
        assertEquals("suggest", s0.at("/completion/field").asText());
        assertTrue(s0.at("/completion/skip_duplicates").asBoolean());
        assertEquals("扫描电子显微镜", body.at("/suggest/s1/prefix").asText());
        assertEquals(InstrumentQueries.MAX_SUGGESTIONS,
                json(InstrumentQueries.suggest("i", "核", 1_000)).at("/suggest/s0/completion/size").asInt());
    }

    // ------------------------------------------------------------------ helpers

    private static InstrumentQuery query(String text, InstrumentQuery.Sort sort, InstrumentQuery.GeoPoint near,
                                         Double radius) {
        return new InstrumentQuery(text, null, null, null, null, null, null, null, null, near, radius, sort, 0, 20);
    }

    private static JsonNode json(SearchRequest request) throws Exception {
        return DocumentCodec.MAPPER.readTree(JsonpUtils.toJsonString(request, MAPPER));
    }

    private static float boost(List<String> fields, String name) {
        return fields.stream().filter(f -> f.startsWith(name + "^")).map(f -> Float.parseFloat(f.substring(name.length() + 1)))
                .findFirst().orElseThrow();
    }

    private static void collectQueryTypes(JsonNode query, List<String> out) {
        if (query == null || !query.isObject()) {
            return;
        }
        query.fieldNames().forEachRemaining(type -> {
            out.add(type);
            JsonNode inner = query.get(type);
            if (type.equals("bool")) {
                for (String occur : List.of("must", "should", "filter", "must_not")) {
                    JsonNode clauses = inner.get(occur);
                    if (clauses != null) {
                        if (clauses.isArray()) {
                            clauses.forEach(c -> collectQueryTypes(c, out));
                        } else {
                            collectQueryTypes(clauses, out);
                        }
                    }
                }
            }
        });
    }
}
