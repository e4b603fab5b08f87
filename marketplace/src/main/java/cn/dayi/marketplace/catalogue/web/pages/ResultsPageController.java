package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.catalogue.web.FacetLabels;
import cn.dayi.marketplace.catalogue.web.SearchParameters;
import cn.dayi.marketplace.catalogue.web.SearchResponse;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentSearch;
import cn.dayi.search.api.SearchResult;
import cn.dayi.search.api.SearchUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /instruments} — search results. Takes the parameters of {@code GET /api/v1/instruments}
 * (see {@link SearchParameters}): {@code q}; repeatable {@code category}, {@code district},
 * {@code region}, {@code ownerId}, {@code ownerKind}, {@code sharingMode}, {@code valueBand},
 * {@code country}; {@code near=LAT,LON} with {@code radiusKm}; {@code sort=relevance|newest|distance};
 * {@code page} (0-based), {@code size}; plus {@code lang}.
 *
 * <p>Shows the search box, facet lists with counts whose values are links adding or removing a
 * filter, active filters as removable chips, the results (highlighted matches, value, owner,
 * district, distance), paging, a sort choice, an optional "near me" filter, and a map of this
 * page's results. Invalid parameters: the page with the problems listed (HTTP 400). Search down:
 * the page with a notice (HTTP 503).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/instruments")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ResultsPageController {

    static final List<Integer> RADII_KM = List.of(5, 10, 20, 50, 100);

    private final InstrumentSearch search;
    private final FacetLabels labels;
    private final Pages pages;
    private final JsonMapper json;

    public ResultsPageController(InstrumentSearch search, FacetLabels labels, Pages pages, JsonMapper json) {
        this.search = search;
        this.labels = labels;
        this.pages = pages;
        this.json = json;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @View("results")
    public HttpResponse<Map<String, Object>> results(HttpRequest<?> request) {
        PageText text = pages.text(request);
        QueryLinks links = QueryLinks.of("/instruments", request.getParameters());
        String q = request.getParameters().get("q");
        boolean hasText = q != null && !q.isBlank();
        String title = hasText ? text.get("results.title.query", q.strip()) : text.get("results.title.all");
        Map<String, Object> model = pages.model(request, links, text, title, "search");
        model.put("q", hasText ? q.strip() : "");
        model.put("formHidden", links.entriesExcept("q", "page"));
        InstrumentQuery query;
        try {
            query = SearchParameters.parse(request.getParameters());
        } catch (ApiException e) {
            model.put("errors", ErrorMessages.of(e.errors(), text));
            return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_REQUEST).body(model);
        }
        controls(model, links, query, text);
        try {
            fill(model, search.search(query), links, query, text);
        } catch (SearchUnavailableException e) {
            model.put("unavailable", true);
            return HttpResponse.<Map<String, Object>>status(HttpStatus.SERVICE_UNAVAILABLE).body(model);
        } catch (IllegalArgumentException e) {
            model.put("errors", List.of(text.get("error.search.rejected")));
            return HttpResponse.<Map<String, Object>>status(HttpStatus.BAD_REQUEST).body(model);
        }
        return HttpResponse.ok(model);
    }

    /** Sort choice and the "near me" form. */
    private static void controls(Map<String, Object> model, QueryLinks links, InstrumentQuery query, PageText text) {
        List<Option> sorts = new ArrayList<>();
        for (InstrumentQuery.Sort s : InstrumentQuery.Sort.values()) {
            if (s != InstrumentQuery.Sort.DISTANCE || query.near() != null) {
                String value = s.name().toLowerCase(Locale.ROOT);
                sorts.add(new Option(value, text.get("results.sort." + value), s == query.sort()));
            }
        }
        model.put("sortOptions", sorts);
        model.put("sortHidden", links.entriesExcept("sort", "page"));
        List<Option> radii = new ArrayList<>();
        radii.add(new Option("", text.get("results.near.radius.any"), query.radiusKm() == null));
        for (int r : RADII_KM) {
            radii.add(new Option(Integer.toString(r), text.get("results.near.radius.km", r),
                    query.radiusKm() != null && query.radiusKm() == r));
        }
        model.put("radiusOptions", radii);
        model.put("nearHidden", links.entriesExcept("near", "radiusKm", "sort", "page"));
        model.put("near", query.near() == null ? "" : query.near().lat() + "," + query.near().lon());
    }

    private void fill(Map<String, Object> model, SearchResult result, QueryLinks links, InstrumentQuery query,
                      PageText text) {
        Function<String, Function<String, String>> label = labels.in(text.language().locale());
        SearchResponse mapped = SearchResponse.of(result, label);
        List<ResultItems.Item> items = ResultItems.items(result, text, label);
        Map<Long, String> owners = new HashMap<>();
        result.items().forEach(h -> owners.putIfAbsent(h.document().ownerId(), h.document().ownerName()));
        FacetViews facets = new FacetViews(links, query, text, label);
        model.put("total", result.total());
        model.put("countText", text.count("results.count", result.total()));
        model.put("facets", facets.facets(mapped.facets()));
        model.put("chips", facets.chips(owners));
        List<String> filterParams = new ArrayList<>(FacetViews.CHIP_PARAMS);
        filterParams.addAll(List.of("near", "radiusKm"));
        model.put("clearHref", links.withoutAll(filterParams.toArray(String[]::new)).href());
        model.put("items", items);
        model.put("paging", Paging.of(result.total(), result.page(), result.size(), links, text));
        List<ResultItems.Marker> markers = ResultItems.markers(items, result);
        model.put("markerCount", markers.size());
        model.put("markersJson", toJson(markers));
        model.put("mapCaption", text.count("results.map.count", markers.size()));
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A choice in a select. */
    public record Option(String value, String label, boolean selected) {
    }
}
