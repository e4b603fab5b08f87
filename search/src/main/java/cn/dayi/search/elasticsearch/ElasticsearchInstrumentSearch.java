package cn.dayi.search.elasticsearch;

import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentSearch;
import cn.dayi.search.api.SearchResult;
import cn.dayi.search.api.Suggestion;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@link InstrumentSearch} on Elasticsearch, reading through the alias. Requests are built by
 * {@link InstrumentQueries}; this class runs them and maps the answers. A missing alias reads as
 * an empty catalogue.
 */
@Singleton
final class ElasticsearchInstrumentSearch implements InstrumentSearch {

    /** Mean earth radius in metres, as Elasticsearch uses for arc distances. */
    private static final double EARTH_RADIUS_M = 6_371_008.7714;

    private final ElasticsearchClient client;
    private final IndexNames names;

    ElasticsearchInstrumentSearch(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    @Override
    public SearchResult search(InstrumentQuery query) {
        SearchRequest request = InstrumentQueries.search(names.alias(), query);
        SearchResponse<ObjectNode> r = Failures.call("searching " + names.alias(),
                () -> client.search(request, ObjectNode.class));
        List<SearchResult.Hit> items = new ArrayList<>(r.hits().hits().size());
        PhraseHighlighter highlighter = PhraseHighlighter.forText(QueryText.clean(query.text()));
        for (Hit<ObjectNode> hit : r.hits().hits()) {
            InstrumentDocument doc = DocumentCodec.fromSource(hit.source());
            Double distance = null;
            if (query.near() != null) {
                boolean sortedByDistance = query.sort() == InstrumentQuery.Sort.DISTANCE
                        && !hit.sort().isEmpty() && hit.sort().get(0).isDouble()
                        && Double.isFinite(hit.sort().get(0).doubleValue());
                distance = sortedByDistance
                        ? Double.valueOf(round2(hit.sort().get(0).doubleValue()))
                        : distanceKm(query.near(), doc);
            }
            items.add(new SearchResult.Hit(doc, distance, highlighter.highlight(doc)));
        }
        long total = r.hits().total() == null ? items.size() : r.hits().total().value();
        return new SearchResult(total, query.page(), InstrumentQueries.effectiveSize(query.size()),
                List.copyOf(items), facets(r.aggregations()));
    }

    @Override
    public List<Suggestion> suggest(String prefix, int size) {
        if (QueryText.clean(prefix, InstrumentQueries.MAX_PREFIX).isEmpty() || size <= 0) {
            return List.of();
        }
        SearchRequest request = InstrumentQueries.suggest(names.alias(), prefix, size);
        int limit = Math.min(size, InstrumentQueries.MAX_SUGGESTIONS);
        SearchResponse<ObjectNode> r = Failures.call("suggesting from " + names.alias(),
                () -> client.search(request, ObjectNode.class));
        Set<String> seen = new LinkedHashSet<>();
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; r.suggest().containsKey("s" + i) && out.size() < limit; i++) {
            for (var suggestion : r.suggest().get("s" + i)) {
                if (!suggestion.isCompletion()) {
                    continue;
                }
                for (CompletionSuggestOption<ObjectNode> option : suggestion.completion().options()) {
                    if (out.size() >= limit || !seen.add(option.text().toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    out.add(toSuggestion(option));
                }
            }
        }
        return List.copyOf(out);
    }

    private static Suggestion toSuggestion(CompletionSuggestOption<ObjectNode> option) {
        ObjectNode src = option.source();
        String text = option.text();
        if (src == null) {
            return new Suggestion(text, null, null);
        }
        boolean ownText = text.equalsIgnoreCase(src.path("name").asText(""))
                || text.equalsIgnoreCase(src.path("nameEn").asText(""))
                || text.equalsIgnoreCase(src.path("model").asText(""));
        if (!ownText) {
            return new Suggestion(text, null, null); // a manufacturer: a term, not one instrument
        }
        return new Suggestion(text, src.path("id").asLong(), src.path("code").asText(null));
    }

    private static Map<String, List<SearchResult.FacetBucket>> facets(Map<String, Aggregate> aggs) {
        Map<String, List<SearchResult.FacetBucket>> out = new LinkedHashMap<>();
        for (String facet : InstrumentQueries.FACET_FIELDS.keySet()) {
            List<SearchResult.FacetBucket> buckets = new ArrayList<>();
            Aggregate agg = aggs == null ? null : aggs.get(facet);
            if (agg != null && agg.isFilter()) {
                Aggregate values = agg.filter().aggregations().get(InstrumentQueries.FACET_VALUES);
                if (values != null && values.isSterms()) {
                    for (StringTermsBucket b : values.sterms().buckets().array()) {
                        buckets.add(new SearchResult.FacetBucket(b.key().stringValue(), b.docCount()));
                    }
                }
            }
            out.put(facet, List.copyOf(buckets));
        }
        return out;
    }

    /** Great-circle distance in km, rounded to 0.01; null when the document has no location. */
    static Double distanceKm(InstrumentQuery.GeoPoint from, InstrumentDocument doc) {
        if (doc.lat() == null || doc.lon() == null) {
            return null;
        }
        double lat1 = Math.toRadians(from.lat());
        double lat2 = Math.toRadians(doc.lat());
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(doc.lon() - from.lon());
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        double metres = 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
        return round2(metres / 1000);
    }

    private static double round2(double km) {
        return Math.round(km * 100) / 100.0;
    }
}
