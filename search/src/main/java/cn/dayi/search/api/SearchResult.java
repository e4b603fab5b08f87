package cn.dayi.search.api;

import java.util.List;
import java.util.Map;

/**
 * One page of search hits with facet counts over the whole result (before paging).
 *
 * <p>Facets follow the usual shop convention: each facet is counted with every filter of the
 * query except its own, so after picking category {@code 01} the category facet still shows the
 * other categories (with the counts they would have), while all other facets count only within
 * {@code 01}. {@link #total} and the hits obey all filters.
 *
 * @param total  number of matching instruments
 * @param page   0-based page
 * @param size   page size
 * @param items  the hits of this page
 * @param facets facet name ({@code category}, {@code district}, {@code ownerKind},
 *               {@code sharingMode}, {@code valueBand}, {@code country}) → buckets, largest first
 */
public record SearchResult(long total, int page, int size, List<Hit> items, Map<String, List<FacetBucket>> facets) {

    /** Facet over {@link InstrumentDocument#categoryCode()}; keys are category codes. */
    public static final String FACET_CATEGORY = "category";
    /** Facet over {@link InstrumentDocument#districtCode()}; keys are district codes. */
    public static final String FACET_DISTRICT = "district";
    /** Facet over {@link InstrumentDocument#ownerKind()}. */
    public static final String FACET_OWNER_KIND = "ownerKind";
    /** Facet over {@link InstrumentDocument#sharingMode()}. */
    public static final String FACET_SHARING_MODE = "sharingMode";
    /** Facet over {@link InstrumentDocument#valueBand()}; keys are {@link ValueBand#code()}s. */
    public static final String FACET_VALUE_BAND = "valueBand";
    /** Facet over {@link InstrumentDocument#countryCode()}. */
    public static final String FACET_COUNTRY = "country";

    /**
     * @param document   the indexed document
     * @param distanceKm distance from the query's {@code near} point in km, or null
     * @param highlights field → fragments with matches wrapped in {@code <em>}; HTML-escaped
     */
    public record Hit(InstrumentDocument document, Double distanceKm, Map<String, List<String>> highlights) {
    }

    /** A facet value and how many results carry it. */
    public record FacetBucket(String key, long count) {
    }
}
