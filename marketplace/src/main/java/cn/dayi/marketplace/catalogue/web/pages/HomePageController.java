package cn.dayi.marketplace.catalogue.web.pages;

import cn.dayi.marketplace.catalogue.CatalogueReader;
import cn.dayi.marketplace.catalogue.InstrumentDetail.Ref;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentSearch;
import cn.dayi.search.api.SearchResult;
import cn.dayi.search.api.SearchResult.FacetBucket;
import cn.dayi.search.api.SearchUnavailableException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.View;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /} — the home page: what Dayi is, a search box (autocomplete from
 * {@code /api/v1/instruments/suggest} when JavaScript runs), the number of instruments, popular
 * searches, and a tile per national category (all 15, empty ones too) with its instrument count
 * from a match-all search. No parameters besides {@code lang}. When search is down the page still
 * shows (HTTP 503) with a notice, the categories without counts and the total from the database.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class HomePageController {

    private final InstrumentSearch search;
    private final CatalogueReader reader;
    private final Pages pages;

    public HomePageController(InstrumentSearch search, CatalogueReader reader, Pages pages) {
        this.search = search;
        this.reader = reader;
        this.pages = pages;
    }

    @Get(produces = MediaType.TEXT_HTML)
    @View("home")
    public HttpResponse<Map<String, Object>> home(HttpRequest<?> request) {
        PageText text = pages.text(request);
        QueryLinks links = QueryLinks.of("/", request.getParameters());
        Map<String, Object> model = pages.model(request, links, text, text.get("home.title"), "home");
        model.put("popular", Arrays.stream(text.get("home.popular.terms").split(","))
                .map(String::strip).filter(s -> !s.isEmpty())
                .map(term -> new PopularSearch(term, QueryLinks.single("/instruments", "q", term)))
                .toList());
        Map<String, Long> counts = null;
        long total;
        HttpStatus status = HttpStatus.OK;
        try {
            SearchResult all = search.search(new InstrumentQuery(null, null, null, null, null, null, null, null, null,
                    null, null, InstrumentQuery.Sort.RELEVANCE, 0, 1));
            counts = all.facets().getOrDefault(SearchResult.FACET_CATEGORY, List.of()).stream()
                    .collect(Collectors.toMap(FacetBucket::key, FacetBucket::count, Long::sum));
            total = all.total();
        } catch (SearchUnavailableException e) {
            model.put("unavailable", true);
            total = reader.count();
            status = HttpStatus.SERVICE_UNAVAILABLE;
        }
        Map<String, Long> found = counts;
        List<CategoryTile> tiles = reader.categories().stream().map(c -> tile(c, found, text)).toList();
        model.put("categories", tiles);
        model.put("totalText", text.count("home.total", total));
        return HttpResponse.<Map<String, Object>>status(status).body(model);
    }

    private static CategoryTile tile(Ref c, Map<String, Long> counts, PageText text) {
        String name = text.language() == Language.EN && c.nameEn() != null ? c.nameEn() : c.name();
        Long count = counts == null ? null : counts.getOrDefault(c.code(), 0L);
        String countText = count == null ? null : text.count("home.category.count", count);
        return new CategoryTile(c.code(), name, count, countText, QueryLinks.single("/instruments", "category", c.code()));
    }

    /** A suggested search on the home page. */
    public record PopularSearch(String term, String href) {
    }
}
