package cn.dayi.marketplace.catalogue.web;

import cn.dayi.marketplace.catalogue.NationalCategory;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.marketplace.web.ApiException.FieldError;
import cn.dayi.search.api.InstrumentQuery;
import cn.dayi.search.api.InstrumentQuery.GeoPoint;
import cn.dayi.search.api.InstrumentQuery.Sort;
import io.micronaut.http.HttpParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the query parameters of {@code GET /api/v1/instruments} (and of the results page) into
 * an {@link InstrumentQuery}, collecting every invalid parameter into one 400 answer.
 *
 * <p>Parameters: {@code q}; repeatable {@code category} (code 01–15 or name), {@code region},
 * {@code district}, {@code ownerId}, {@code ownerKind}, {@code sharingMode}, {@code valueBand},
 * {@code country}; {@code near=LAT,LON} (WGS 84) with {@code radiusKm} (0 &lt; r ≤ 20,000);
 * {@code priceMaxFen} (fen, ≥ 0: only instruments with a COMMERCIAL "price from" at most this);
 * {@code sort=relevance|distance|newest|price|rating} (price: lowest first, unpriced last; rating: best
 * reviewed first, unreviewed last);
 * {@code page} (0-based) and {@code size}
 * (default 20; larger than 100 is capped to 100, the answer says the size used).
 */
public final class SearchParameters {

    /** Default page size. */
    public static final int DEFAULT_SIZE = 20;

    private SearchParameters() {
    }

    public static InstrumentQuery parse(HttpParameters p) {
        List<FieldError> errors = new ArrayList<>();
        String q = p.get("q");
        List<String> categories = new ArrayList<>();
        for (String c : p.getAll("category")) {
            if (c.isBlank()) {
                continue;
            }
            NationalCategory.resolve(c).ifPresentOrElse(nc -> categories.add(nc.code()),
                    () -> errors.add(new FieldError("category", "UNKNOWN_CATEGORY",
                            "Unknown category '" + c + "': use a national category code 01–15 or its name.")));
        }
        List<Long> ownerIds = new ArrayList<>();
        for (String o : p.getAll("ownerId")) {
            if (o.isBlank()) {
                continue;
            }
            try {
                ownerIds.add(Long.parseLong(o.strip()));
            } catch (NumberFormatException e) {
                errors.add(new FieldError("ownerId", "INVALID_PARAMETER", "ownerId must be a number, not '" + o + "'."));
            }
        }
        GeoPoint near = null;
        String nearText = p.get("near");
        if (nearText != null && !nearText.isBlank()) {
            near = parsePoint(nearText, errors);
        }
        Double radius = null;
        String radiusText = p.get("radiusKm");
        if (radiusText != null && !radiusText.isBlank()) {
            try {
                radius = Double.parseDouble(radiusText.strip());
                if (!(radius > 0 && radius <= 20_000)) {
                    errors.add(new FieldError("radiusKm", "OUT_OF_RANGE", "radiusKm must be above 0 and at most 20000."));
                    radius = null;
                }
            } catch (NumberFormatException e) {
                errors.add(new FieldError("radiusKm", "INVALID_PARAMETER", "radiusKm must be a number of kilometres."));
            }
            if (near == null && radius != null) {
                errors.add(new FieldError("near", "REQUIRED", "radiusKm needs near=LAT,LON as its centre."));
            }
        }
        Sort sort = Sort.RELEVANCE;
        String sortText = p.get("sort");
        if (sortText != null && !sortText.isBlank()) {
            try {
                sort = Sort.valueOf(sortText.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("sort", "INVALID_PARAMETER",
                        "sort must be relevance, distance, newest, price or rating, not '" + sortText + "'."));
            }
            if (sort == Sort.DISTANCE && near == null) {
                errors.add(new FieldError("sort", "REQUIRED", "sort=distance needs near=LAT,LON."));
            }
        }
        Long priceMaxFen = null;
        String priceText = p.get("priceMaxFen");
        if (priceText != null && !priceText.isBlank()) {
            long max = number(priceText, -1, "priceMaxFen", errors);
            if (max < 0 && priceText.strip().matches("-?\\d{1,30}")) {
                errors.add(new FieldError("priceMaxFen", "OUT_OF_RANGE", "priceMaxFen is an amount in fen, 0 or more."));
            } else if (max >= 0) {
                priceMaxFen = max;
            }
        }
        long page = number(p.get("page"), 0, "page", errors);
        long size = number(p.get("size"), DEFAULT_SIZE, "size", errors);
        if (page < 0) {
            errors.add(new FieldError("page", "OUT_OF_RANGE", "page counts from 0 and cannot be negative."));
        }
        if (size < 1) {
            errors.add(new FieldError("size", "OUT_OF_RANGE", "size must be at least 1."));
        }
        int cappedSize = (int) Math.min(Math.max(size, 1), InstrumentQuery.MAX_SIZE);
        if (page >= 0 && (page + 1) * cappedSize > InstrumentQuery.MAX_WINDOW) {
            errors.add(new FieldError("page", "PAGE_TOO_DEEP", "Results can be paged to the first "
                    + InstrumentQuery.MAX_WINDOW + " only; narrow the search with filters instead."));
        }
        if (!errors.isEmpty()) {
            throw new ApiException.ValidationFailed(
                    errors.stream().map(FieldError::message).reduce((a, b) -> a + " " + b).orElse("Invalid search."),
                    errors);
        }
        return new InstrumentQuery(q, categories, nonBlank(p.getAll("region")), nonBlank(p.getAll("district")), ownerIds,
                upper(p.getAll("ownerKind")), upper(p.getAll("sharingMode")), nonBlank(p.getAll("valueBand")),
                upper(p.getAll("country")), near, radius, sort, (int) page, cappedSize, priceMaxFen);
    }

    private static GeoPoint parsePoint(String text, List<FieldError> errors) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            errors.add(new FieldError("near", "INVALID_PARAMETER", "near must be LAT,LON, e.g. near=22.53,113.93."));
            return null;
        }
        try {
            double lat = Double.parseDouble(parts[0].strip());
            double lon = Double.parseDouble(parts[1].strip());
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                errors.add(new FieldError("near", "OUT_OF_RANGE",
                        "near " + text + " is not a place on Earth: latitude -90..90, longitude -180..180."));
                return null;
            }
            return new GeoPoint(lat, lon);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("near", "INVALID_PARAMETER", "near must be LAT,LON in decimal degrees."));
            return null;
        }
    }

    private static long number(String text, long fallback, String name, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String t = text.strip();
        if (!t.matches("-?\\d{1,30}")) {
            errors.add(new FieldError(name, "INVALID_PARAMETER", name + " must be a whole number, not '" + text + "'."));
            return fallback;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return t.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).map(String::strip).toList();
    }

    private static List<String> upper(List<String> values) {
        return nonBlank(values).stream().map(v -> v.toUpperCase(Locale.ROOT)).toList();
    }
}
