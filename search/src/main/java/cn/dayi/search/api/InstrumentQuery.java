package cn.dayi.search.api;

import java.util.List;

/**
 * A catalogue search. Every list filter is "any of" within a field and "all of" across fields;
 * empty lists do not filter.
 *
 * @param text         free text (Chinese or English); null or blank matches all
 * @param categories   category codes
 * @param regions      region codes at any level (a city matches all its districts)
 * @param districts    district codes
 * @param ownerIds     owning organisation ids
 * @param ownerKinds   owner kinds
 * @param sharingModes sharing modes
 * @param valueBands   {@link ValueBand} codes
 * @param countries    ISO country codes of manufacture
 * @param near         centre for the geo filter and distance sort, or null
 * @param radiusKm     radius around {@code near} in km, or null for no distance filter
 * @param sort         result order
 * @param page         0-based page
 * @param size         page size, 1..{@value #MAX_SIZE}
 * @param priceMaxFen  only instruments whose {@code priceFromFen} is at most this many fen (CNY);
 *                     instruments without a price are left out; null = no price filter
 */
public record InstrumentQuery(
        String text,
        List<String> categories,
        List<String> regions,
        List<String> districts,
        List<Long> ownerIds,
        List<String> ownerKinds,
        List<String> sharingModes,
        List<String> valueBands,
        List<String> countries,
        GeoPoint near,
        Double radiusKm,
        Sort sort,
        int page,
        int size,
        Long priceMaxFen) {

    /** Largest page size a caller may ask for. */
    public static final int MAX_SIZE = 100;
    /** Deepest result a caller may page to (page * size + size). */
    public static final int MAX_WINDOW = 10_000;

    public InstrumentQuery {
        categories = List.copyOf(categories == null ? List.of() : categories);
        regions = List.copyOf(regions == null ? List.of() : regions);
        districts = List.copyOf(districts == null ? List.of() : districts);
        ownerIds = List.copyOf(ownerIds == null ? List.of() : ownerIds);
        ownerKinds = List.copyOf(ownerKinds == null ? List.of() : ownerKinds);
        sharingModes = List.copyOf(sharingModes == null ? List.of() : sharingModes);
        valueBands = List.copyOf(valueBands == null ? List.of() : valueBands);
        countries = List.copyOf(countries == null ? List.of() : countries);
        sort = sort == null ? Sort.RELEVANCE : sort;
    }

    /** A query without a price filter (the shape before prices were indexed). */
    public InstrumentQuery(String text, List<String> categories, List<String> regions, List<String> districts,
                           List<Long> ownerIds, List<String> ownerKinds, List<String> sharingModes,
                           List<String> valueBands, List<String> countries, GeoPoint near, Double radiusKm,
                           Sort sort, int page, int size) {
        this(text, categories, regions, districts, ownerIds, ownerKinds, sharingModes, valueBands, countries, near,
                radiusKm, sort, page, size, null);
    }

    /** Everything, first page of 20, by relevance. */
    public static InstrumentQuery all() {
        return new InstrumentQuery(null, null, null, null, null, null, null, null, null, null, null,
                Sort.RELEVANCE, 0, 20);
    }

    /**
     * Result order. DISTANCE needs {@code near}. PRICE: lowest {@code priceFromFen} first, instruments
     * without a price last. RATING: highest {@code ratingAverage} first (more reviews first among equals),
     * instruments without reviews last.
     */
    public enum Sort {
        RELEVANCE, DISTANCE, NEWEST, PRICE, RATING
    }

    /** WGS 84 point in decimal degrees. */
    public record GeoPoint(double lat, double lon) {
    }
}
