package cn.dayi.marketplace.catalogue.web;

import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.catalogue.InstrumentDetail;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.search.api.InstrumentSearch;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;

/** The public catalogue API: search, detail, autocomplete. No sign-in needed. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/instruments")
@ExecuteOn(TaskExecutors.BLOCKING) // JDBC and Elasticsearch calls block: keep them off the event loop
@Tag(name = "Instruments", description = "Find large scientific instruments")
public class InstrumentApiController {

    private final InstrumentSearch search;
    private final CatalogueReader reader;
    private final FacetLabels labels;

    public InstrumentApiController(InstrumentSearch search, CatalogueReader reader, FacetLabels labels) {
        this.search = search;
        this.reader = reader;
        this.labels = labels;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Search instruments",
            description = "Free text in Chinese or English over name, model, manufacturer, parameters and owner, "
                    + "with abbreviations expanded (电镜, 核磁, SEM, TEM, NMR, XRD, XPS, ICP-MS, 质谱, 色谱 …). "
                    + "Filters: repeatable category (01–15 or name), region, district, ownerId, ownerKind, "
                    + "sharingMode, valueBand (lt500k, 500k-2m, 2m-5m, 5m-8m, gt8m), country (ISO 3166); "
                    + "near=LAT,LON with radiusKm; sort=relevance|distance|newest|price|rating; page (0-based); size "
                    + "(default 20, capped at 100). Facet counts cover the whole result.")
    @ApiResponse(responseCode = "200", description = "A page of results with facets")
    @ApiResponse(responseCode = "400", description = "VALIDATION_FAILED: an invalid parameter, each named in errors[]")
    @ApiResponse(responseCode = "503", description = "SEARCH_UNAVAILABLE: Elasticsearch is down")
    public SearchResponse search(HttpRequest<?> request) {
        return SearchResponse.of(search.search(SearchParameters.parse(request.getParameters())),
                labels.in(Locale.SIMPLIFIED_CHINESE));
    }

    @Get(uri = "/suggest", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Autocomplete", description = "Up to 10 names, models or manufacturers starting with q.")
    public Suggestions suggest(@QueryValue @Nullable String q) {
        if (q == null || q.isBlank()) {
            return new Suggestions(List.of());
        }
        return new Suggestions(search.suggest(q.length() > 100 ? q.substring(0, 100) : q, 10).stream()
                .map(s -> new SuggestionItem(s.text(), s.instrumentId(), s.code())).toList());
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "One instrument", description = "By numeric id or by public code (DY…). Read from the "
            + "database, so it answers while search is down.")
    @ApiResponse(responseCode = "404", description = "INSTRUMENT_NOT_FOUND")
    public InstrumentDetail detail(@PathVariable @Parameter(description = "id or public code") String id) {
        return reader.instrument(id).orElseThrow(() -> new ApiException.NotFound("INSTRUMENT_NOT_FOUND",
                "There is no instrument with id or code '" + id + "'."));
    }

    /** Autocomplete answer. */
    @Serdeable
    public record Suggestions(List<SuggestionItem> items) {
    }

    /** What to put in the search box, and the instrument it came from when there is one. */
    @Serdeable
    public record SuggestionItem(String text, @Nullable Long instrumentId, @Nullable String code) {
    }
}
