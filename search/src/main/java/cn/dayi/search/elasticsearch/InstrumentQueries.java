package cn.dayi.search.elasticsearch;

import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.SearchResult;
import co.elastic.clients.elasticsearch._types.DistanceUnit;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.GeoDistanceType;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the Elasticsearch requests for {@link InstrumentQuery} searches and autocomplete. Pure:
 * no I/O, so its output can be checked without a server.
 *
 * <h2>Relevance</h2>
 * The standard analyzer indexes Chinese as single characters, so "核磁" is the two terms 核 and 磁.
 * A document must match at least one of:
 * <ol>
 *   <li><b>words</b>: a {@code cross_fields} multi_match of the text over all text fields with
 *       {@code minimum_should_match} {@value #WORDS_MINIMUM_SHOULD_MATCH} (texts of up to three
 *       terms need all of them, longer texts 80%), so 核 alone never matches "核磁"; or</li>
 *   <li><b>an expansion</b> from {@link SearchSynonyms} as a phrase, together with the words of
 *       the rest of the text ("南山 电镜" = 电子显微镜 and 南山).</li>
 * </ol>
 * On top of that, scores are raised by
 * <ul>
 *   <li><b>phrases</b>: the whole text as a phrase (slop 0) in one field — name
 *       ({@value #BOOST_PHRASE_NAME}) and English name, then model, manufacturer, category,
 *       owner and parameters with lower boosts — expansion phrases count a little less;</li>
 *   <li><b>exact keywords</b> (case-insensitive): the text or any of its words equal to a
 *       manufacturer or model, or the text a model prefix.</li>
 * </ul>
 * Scores add up, so an instrument whose name holds the phrase ranks far above one where the same
 * characters are only scattered. Field weights: name > model = manufacturer > category > owner >
 * parameters.
 *
 * <h2>Filters and facets</h2>
 * Region, owner and distance filters restrict everything (query {@code filter} context). The
 * filters that have a facet (category, district, owner kind, sharing mode, value band, country)
 * go into {@code post_filter}: hits and the total obey all of them, while each facet is counted
 * with every filter except its own, so a user sees the alternatives to what they picked.
 */
final class InstrumentQueries {

    static final String WORDS_MINIMUM_SHOULD_MATCH = "3<80%";
    static final float BOOST_PHRASE_NAME = 12f;
    static final float BOOST_PHRASE_NAME_EN = 8f;
    static final float BOOST_PHRASE_OTHER = 3f;
    static final float BOOST_EXPANSION_NAME = 8f;
    static final float BOOST_EXPANSION_NAME_EN = 5f;
    static final float BOOST_EXPANSION_OTHER = 2f;
    static final float BOOST_EXACT_MODEL = 40f;
    static final float BOOST_EXACT_MANUFACTURER = 30f;
    static final float BOOST_EXACT_NAME = 20f;
    static final float BOOST_MODEL_PREFIX = 10f;

    /** Text fields and their weights for the words clause. */
    static final List<String> WORD_FIELDS = List.of(
            "name^10", "nameEn^8", "model^5", "manufacturer^5", "categoryName^3", "ownerName^2",
            "districtName^1.5", "technicalParameters^1");
    /** Fields besides the names for phrase clauses. */
    static final List<String> PHRASE_FIELDS = List.of(
            "model^5", "manufacturer^5", "categoryName^3", "ownerName^2", "districtName^1.5",
            "technicalParameters^1");

    /** Facet name → keyword field, in the order results list them. */
    static final Map<String, String> FACET_FIELDS = facetFields();
    static final int FACET_SIZE = 50;
    static final String FACET_VALUES = "values";

    /** Most suggestions per request. */
    static final int MAX_SUGGESTIONS = 20;
    /** Longest prefix sent to the completion suggester (its inputs are cut at 50 characters). */
    static final int MAX_PREFIX = 50;

    private InstrumentQueries() {
    }

    /** Page size actually used: {@code size} clamped to 1..{@link InstrumentQuery#MAX_SIZE}. */
    static int effectiveSize(int size) {
        return Math.max(1, Math.min(InstrumentQuery.MAX_SIZE, size));
    }

    /**
     * The search request for a query against {@code index}.
     *
     * @throws IllegalArgumentException for a negative page, a page beyond
     *         {@link InstrumentQuery#MAX_WINDOW}, DISTANCE sort or a radius without {@code near},
     *         or a point or radius out of range
     */
    static SearchRequest search(String index, InstrumentQuery q) {
        int size = effectiveSize(q.size());
        validate(q, size);
        String text = QueryText.clean(q.text());
        Query main = mainQuery(text, q);
        Map<String, Query> facetFilters = facetFilters(q);
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        FACET_FIELDS.forEach((facet, field) -> aggs.put(facet, facetAggregation(facet, field, facetFilters)));
        return SearchRequest.of(b -> {
            b.index(index)
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .query(main)
                    .from(q.page() * size)
                    .size(size)
                    .trackTotalHits(t -> t.enabled(true))
                    .source(s -> s.filter(f -> f.excludes(DocumentCodec.SUGGEST, DocumentCodec.LOCATION)))
                    .sort(sort(q))
                    .aggregations(aggs);
            if (!facetFilters.isEmpty()) {
                b.postFilter(and(List.copyOf(facetFilters.values())));
            }
            return b;
        });
    }

    /**
     * The autocomplete request: one completion suggester for the prefix, plus one per expansion
     * when the prefix is exactly a known abbreviation (typing "SEM" also offers 扫描电子显微镜...).
     * Suggester names are {@code s0}, {@code s1}, ... in priority order.
     */
    static SearchRequest suggest(String index, String prefix, int size) {
        String clean = QueryText.clean(prefix, MAX_PREFIX);
        int n = Math.max(1, Math.min(MAX_SUGGESTIONS, size));
        List<String> prefixes = new ArrayList<>();
        prefixes.add(clean);
        for (String term : SearchSynonyms.exactly(clean)) {
            if (prefixes.size() < 4) {
                prefixes.add(term);
            }
        }
        return SearchRequest.of(b -> b
                .index(index)
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(0)
                .source(s -> s.filter(f -> f.includes("id", "code", "name", "nameEn", "model", "manufacturer")))
                .suggest(sg -> {
                    for (int i = 0; i < prefixes.size(); i++) {
                        String p = prefixes.get(i);
                        sg.suggesters("s" + i, fs -> fs.prefix(p)
                                .completion(c -> c.field(DocumentCodec.SUGGEST).size(n).skipDuplicates(true)));
                    }
                    return sg;
                }));
    }

    // ------------------------------------------------------------------ query

    static Query mainQuery(String text, InstrumentQuery q) {
        List<Query> filters = new ArrayList<>();
        if (!q.regions().isEmpty()) {
            filters.add(terms("regionCodes", q.regions()));
        }
        if (!q.ownerIds().isEmpty()) {
            filters.add(terms("ownerId", q.ownerIds().stream().map(String::valueOf).toList()));
        }
        if (q.priceMaxFen() != null) {
            filters.add(Query.of(f -> f.range(r -> r.number(n -> n.field("priceFromFen")
                    .lte(q.priceMaxFen().doubleValue())))));
        }
        if (q.near() != null && q.radiusKm() != null) {
            filters.add(Query.of(f -> f.geoDistance(g -> g
                    .field(DocumentCodec.LOCATION)
                    .distance(q.radiusKm() + "km")
                    .distanceType(GeoDistanceType.Arc)
                    .location(l -> l.latlon(ll -> ll.lat(q.near().lat()).lon(q.near().lon()))))));
        }
        Query scoring = text.isEmpty() ? Query.of(m -> m.matchAll(a -> a)) : textQuery(text);
        if (filters.isEmpty()) {
            return scoring;
        }
        return Query.of(b -> b.bool(x -> x.must(scoring).filter(filters)));
    }

    /**
     * The scoring part for non-empty cleaned text: {@code must} = the text's words, or one of
     * its expansions together with the rest of the words; {@code should} = phrase and keyword
     * boosts.
     */
    static Query textQuery(String text) {
        List<Query> recall = new ArrayList<>();
        // 1. words: most of the terms somewhere in the instrument's text fields
        recall.add(words(text));
        // 4. expansions: an abbreviation's full terms as phrases, plus the other words typed
        String lower = text.toLowerCase(Locale.ROOT);
        for (SearchSynonyms.Match m : SearchSynonyms.matches(text)) {
            String rest = QueryText.clean(lower.substring(0, m.start()) + " " + lower.substring(m.end()));
            for (String term : m.terms()) {
                Query phrase = Query.of(q -> q.bool(b -> b.should(
                        phrase("name", term, BOOST_EXPANSION_NAME),
                        phrase("nameEn", term, BOOST_EXPANSION_NAME_EN),
                        phrases(PHRASE_FIELDS, term, BOOST_EXPANSION_OTHER))));
                recall.add(rest.isEmpty() ? phrase : Query.of(q -> q.bool(b -> b.must(phrase, words(rest)))));
            }
        }
        List<Query> boost = new ArrayList<>();
        // 2. the whole text as a phrase
        boost.add(phrase("name", text, BOOST_PHRASE_NAME));
        boost.add(phrase("nameEn", text, BOOST_PHRASE_NAME_EN));
        boost.add(phrases(PHRASE_FIELDS, text, BOOST_PHRASE_OTHER));
        // 3. exact keywords: "Bruker" → Bruker's instruments, "JEM-2100F" → that model first
        List<String> words = keywordCandidates(text);
        boost.add(terms("model.kw", words, BOOST_EXACT_MODEL));
        boost.add(terms("manufacturer.kw", words, BOOST_EXACT_MANUFACTURER));
        boost.add(terms("name.kw", List.of(lower), BOOST_EXACT_NAME));
        if (text.length() >= 3 && text.indexOf(' ') < 0) {
            boost.add(Query.of(q -> q.prefix(p -> p.field("model.kw").value(lower).boost(BOOST_MODEL_PREFIX))));
        }
        Query anyOf = recall.size() == 1 ? recall.get(0)
                : Query.of(q -> q.bool(b -> b.should(recall).minimumShouldMatch("1")));
        return Query.of(q -> q.bool(b -> b.must(anyOf).should(boost)));
    }

    /** Most of the text's terms, anywhere in the text fields ("words" above). */
    private static Query words(String text) {
        return Query.of(q -> q.multiMatch(m -> m
                .query(text)
                .fields(WORD_FIELDS)
                .type(TextQueryType.CrossFields)
                .operator(Operator.Or)
                .minimumShouldMatch(WORDS_MINIMUM_SHOULD_MATCH)));
    }

    /** The whole text and each of its space-separated words, lower-cased, for keyword matches. */
    static List<String> keywordCandidates(String text) {
        Set<String> out = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        out.add(lower);
        for (String w : lower.split(" ")) {
            if (w.length() >= 2 && out.size() < 8) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    private static Query phrase(String field, String text, float boost) {
        return Query.of(q -> q.matchPhrase(p -> p.field(field).query(text).slop(0).boost(boost)));
    }

    private static Query phrases(List<String> fields, String text, float boost) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(fields).type(TextQueryType.Phrase)
                .slop(0).boost(boost)));
    }

    private static Query terms(String field, List<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field)
                .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    private static Query terms(String field, List<String> values, float boost) {
        return Query.of(q -> q.terms(t -> t.field(field).boost(boost)
                .terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    private static Query and(List<Query> filters) {
        return Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    // ------------------------------------------------------------------ facets

    private static Map<String, String> facetFields() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(SearchResult.FACET_CATEGORY, "categoryCode");
        m.put(SearchResult.FACET_DISTRICT, "districtCode");
        m.put(SearchResult.FACET_OWNER_KIND, "ownerKind");
        m.put(SearchResult.FACET_SHARING_MODE, "sharingMode");
        m.put(SearchResult.FACET_VALUE_BAND, "valueBand");
        m.put(SearchResult.FACET_COUNTRY, "countryCode");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Facet name → its filter, for the facets the query filters on. */
    static Map<String, Query> facetFilters(InstrumentQuery q) {
        Map<String, Query> m = new LinkedHashMap<>();
        put(m, SearchResult.FACET_CATEGORY, q.categories());
        put(m, SearchResult.FACET_DISTRICT, q.districts());
        put(m, SearchResult.FACET_OWNER_KIND, q.ownerKinds());
        put(m, SearchResult.FACET_SHARING_MODE, q.sharingModes());
        put(m, SearchResult.FACET_VALUE_BAND, q.valueBands());
        put(m, SearchResult.FACET_COUNTRY, q.countries());
        return m;
    }

    private static void put(Map<String, Query> m, String facet, List<String> values) {
        if (!values.isEmpty()) {
            m.put(facet, terms(FACET_FIELDS.get(facet), values));
        }
    }

    private static Aggregation facetAggregation(String facet, String field, Map<String, Query> facetFilters) {
        List<Query> others = new ArrayList<>();
        facetFilters.forEach((name, filter) -> {
            if (!name.equals(facet)) {
                others.add(filter);
            }
        });
        Query filter = others.isEmpty() ? Query.of(q -> q.matchAll(a -> a)) : and(others);
        return Aggregation.of(a -> a.filter(filter)
                .aggregations(FACET_VALUES, t -> t.terms(x -> x.field(field).size(FACET_SIZE))));
    }

    // ------------------------------------------------------------------ sort, highlight, checks

    static List<SortOptions> sort(InstrumentQuery q) {
        SortOptions byId = SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc)));
        return switch (q.sort()) {
            case RELEVANCE -> List.of(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))), byId);
            case NEWEST -> List.of(SortOptions.of(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc))),
                    byId);
            case PRICE -> List.of(SortOptions.of(s -> s.field(f -> f.field("priceFromFen").order(SortOrder.Asc)
                            .missing("_last").unmappedType(co.elastic.clients.elasticsearch._types.mapping.FieldType.Long))),
                    byId);
            case RATING -> List.of(SortOptions.of(s -> s.field(f -> f.field("ratingAverage").order(SortOrder.Desc)
                            .missing("_last").unmappedType(co.elastic.clients.elasticsearch._types.mapping.FieldType.Double))),
                    SortOptions.of(s -> s.field(f -> f.field("ratingCount").order(SortOrder.Desc)
                            .missing("_last").unmappedType(co.elastic.clients.elasticsearch._types.mapping.FieldType.Integer))),
                    byId);
            case DISTANCE -> List.of(SortOptions.of(s -> s.geoDistance(g -> g
                            .field(DocumentCodec.LOCATION)
                            .location(l -> l.latlon(ll -> ll.lat(q.near().lat()).lon(q.near().lon())))
                            .order(SortOrder.Asc)
                            .unit(DistanceUnit.Kilometers)
                            .distanceType(GeoDistanceType.Arc))),
                    byId);
        };
    }

    private static void validate(InstrumentQuery q, int size) {
        if (q.page() < 0) {
            throw new IllegalArgumentException("page must be 0 or more, got " + q.page());
        }
        long window = (long) q.page() * size + size;
        if (window > InstrumentQuery.MAX_WINDOW) {
            throw new IllegalArgumentException("page " + q.page() + " of size " + size + " reaches result "
                    + window + ", beyond the deepest page allowed (" + InstrumentQuery.MAX_WINDOW
                    + " results); narrow the search instead");
        }
        if (q.near() != null) {
            double lat = q.near().lat();
            double lon = q.near().lon();
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                throw new IllegalArgumentException("near must be a WGS 84 point (lat -90..90, lon -180..180), got "
                        + lat + "," + lon);
            }
        }
        if (q.radiusKm() != null) {
            if (q.near() == null) {
                throw new IllegalArgumentException("radiusKm needs a near point");
            }
            if (!(q.radiusKm() > 0) || q.radiusKm() > 20_000) {
                throw new IllegalArgumentException("radiusKm must be more than 0 and at most 20000, got " + q.radiusKm());
            }
        }
        if (q.sort() == InstrumentQuery.Sort.DISTANCE && q.near() == null) {
            throw new IllegalArgumentException("sort DISTANCE needs a near point");
        }
    }
}
