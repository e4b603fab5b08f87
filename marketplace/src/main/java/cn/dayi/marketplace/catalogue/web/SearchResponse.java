package cn.dayi.marketplace.catalogue.web;

import cn.dayi.search.api.InstrumentDocument;
import cn.dayi.search.api.SearchResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Body of {@code GET /api/v1/instruments}.
 *
 * @param total  matching instruments
 * @param page   0-based page
 * @param size   page size used (requests above 100 are capped)
 * @param items  this page's instruments
 * @param facets facet → buckets ({@code key}, {@code count}, display {@code label}) over the whole result
 */
@Serdeable
public record SearchResponse(long total, int page, int size, List<Item> items, Map<String, List<Bucket>> facets) {

    /**
     * One instrument in a result list.
     *
     * @param category   national category code and name
     * @param district   district code and name
     * @param location   WGS 84, null when unknown
     * @param distanceKm from {@code near}, km, when {@code near} was given
     * @param highlights   field → fragments with matches in {@code <em>}, HTML-escaped
     * @param priceFromFen lowest COMMERCIAL unit price of the tariffs in effect, fen (CNY); null when
     *                     the instrument has no published price (on request)
     * @param priceUnit    unit of {@code priceFromFen}: HOUR, or SAMPLE / TEST_ITEM; null with it
     * @param ratingAverage mean review stars (1.0–5.0) when indexed; null without reviews
     * @param ratingCount  number of reviews; null without reviews
     */
    @Serdeable
    public record Item(long id, String code, String name, String model, String manufacturer, Named category,
                       Owner owner, Named district, @Nullable Location location, @Nullable Double distanceKm,
                       @Nullable Long originalValueFen, String currency, String sharingMode,
                       Map<String, List<String>> highlights, @Nullable Long priceFromFen, @Nullable String priceUnit,
                       @Nullable Double ratingAverage, @Nullable Integer ratingCount) {
    }

    /** A code with its display name. */
    @Serdeable
    public record Named(String code, String name) {
    }

    /** Owning organisation. */
    @Serdeable
    public record Owner(long id, String name, String kind) {
    }

    /** WGS 84 decimal degrees. */
    @Serdeable
    public record Location(double lat, double lon) {
    }

    /** A facet value. */
    @Serdeable
    public record Bucket(String key, long count, String label) {
    }

    /** Maps a search result; {@code labels} gives display names of facet keys per facet. */
    public static SearchResponse of(SearchResult r, Function<String, Function<String, String>> labels) {
        List<Item> items = r.items().stream().map(h -> item(h.document(), h.distanceKm(), h.highlights())).toList();
        Map<String, List<Bucket>> facets = new LinkedHashMap<>();
        r.facets().forEach((facet, buckets) -> facets.put(facet, buckets.stream()
                .map(b -> new Bucket(b.key(), b.count(), labels.apply(facet).apply(b.key()))).toList()));
        return new SearchResponse(r.total(), r.page(), r.size(), items, facets);
    }

    private static Item item(InstrumentDocument d, Double distanceKm, Map<String, List<String>> highlights) {
        return new Item(d.id(), d.code(), d.name(), d.model(), d.manufacturer(),
                d.categoryCode() == null ? null : new Named(d.categoryCode(), d.categoryName()),
                new Owner(d.ownerId(), d.ownerName(), d.ownerKind()),
                d.districtCode() == null ? null : new Named(d.districtCode(), d.districtName()),
                d.lat() == null || d.lon() == null ? null : new Location(d.lat(), d.lon()),
                distanceKm, d.originalValueFen(), d.currency(), d.sharingMode(),
                highlights == null ? Map.of() : highlights, d.priceFromFen(), d.priceUnit(),
                d.ratingAverage(), d.ratingCount());
    }
}
