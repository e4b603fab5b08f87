package cn.dayi.search.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the search index holds for one instrument. The marketplace maps its instruments to this
 * shape; the search module knows nothing else of the domain.
 *
 * @param id                  instrument id (database primary key; also the document id)
 * @param code                stable public instrument code, e.g. {@code DY7K2M9QXC4T}
 * @param name                name as registered (Chinese or English)
 * @param nameEn              English name, when known
 * @param model               model designation, e.g. {@code JEM-2100F}
 * @param manufacturer        manufacturer, e.g. {@code JEOL}
 * @param countryCode         ISO 3166-1 alpha-2 country of manufacture
 * @param originalValueFen    original value (原值) in fen, CNY (minor units of {@code currency})
 * @param currency            ISO 4217 currency of the original value
 * @param valueBand           one of {@link ValueBand} codes, null when the value is unknown
 * @param fundingSource       CENTRAL_FISCAL, LOCAL_FISCAL, SELF_FUNDED, OTHER, or null
 * @param categoryCode        national top-level category code, {@code 01}..{@code 15}
 * @param categoryName        its Chinese name
 * @param ownerId             owning organisation id
 * @param ownerName           owning organisation name
 * @param ownerKind           UNIVERSITY, RESEARCH_INSTITUTE, ENTERPRISE, HOSPITAL, TESTING_AGENCY, OTHER
 * @param districtCode        district region code, e.g. {@code 440305} (南山区)
 * @param districtName        district name (Chinese)
 * @param regionCodes         the district and all its ancestors, e.g. [440305, 440300, 440000, CN]
 * @param lat                 latitude (WGS 84), null when unknown
 * @param lon                 longitude (WGS 84), null when unknown
 * @param technicalParameters free text of technical parameters
 * @param sharingMode         EXTERNAL, INTERNAL_ONLY, NOT_SHARED
 * @param status              IN_SERVICE, UNDER_MAINTENANCE, OUT_OF_SERVICE, RETIRED
 * @param purchaseDate        purchase date, when known
 * @param demo                true for rows of the generated demo catalogue
 * @param updatedAt           last change in the database (used for "newest" sort and repair)
 * @param priceFromFen        lowest COMMERCIAL unit price among the tariffs effective when indexed, fen
 *                            (CNY), or null when the instrument has no published tariff ("price on request")
 * @param priceUnit           the charge unit of {@code priceFromFen}: HOUR, or SAMPLE / TEST_ITEM when
 *                            the instrument has no hourly tariff; null with it
 * @param ratingAverage       mean of the buyers' review stars (1.0–5.0) when indexed, null without reviews
 * @param ratingCount         number of reviews, null without reviews
 */
public record InstrumentDocument(
        long id,
        String code,
        String name,
        String nameEn,
        String model,
        String manufacturer,
        String countryCode,
        Long originalValueFen,
        String currency,
        String valueBand,
        String fundingSource,
        String categoryCode,
        String categoryName,
        long ownerId,
        String ownerName,
        String ownerKind,
        String districtCode,
        String districtName,
        List<String> regionCodes,
        Double lat,
        Double lon,
        String technicalParameters,
        String sharingMode,
        String status,
        LocalDate purchaseDate,
        boolean demo,
        Instant updatedAt,
        Long priceFromFen,
        String priceUnit,
        Double ratingAverage,
        Integer ratingCount) {

    /** A document without ratings; the shape before ratings were indexed. */
    public InstrumentDocument(long id, String code, String name, String nameEn, String model, String manufacturer,
                              String countryCode, Long originalValueFen, String currency, String valueBand,
                              String fundingSource, String categoryCode, String categoryName, long ownerId,
                              String ownerName, String ownerKind, String districtCode, String districtName,
                              List<String> regionCodes, Double lat, Double lon, String technicalParameters,
                              String sharingMode, String status, LocalDate purchaseDate, boolean demo,
                              Instant updatedAt, Long priceFromFen, String priceUnit) {
        this(id, code, name, nameEn, model, manufacturer, countryCode, originalValueFen, currency, valueBand,
                fundingSource, categoryCode, categoryName, ownerId, ownerName, ownerKind, districtCode, districtName,
                regionCodes, lat, lon, technicalParameters, sharingMode, status, purchaseDate, demo, updatedAt,
                priceFromFen, priceUnit, null, null);
    }

    /** A document without a price (no published tariff); the shape before prices were indexed. */
    public InstrumentDocument(long id, String code, String name, String nameEn, String model, String manufacturer,
                              String countryCode, Long originalValueFen, String currency, String valueBand,
                              String fundingSource, String categoryCode, String categoryName, long ownerId,
                              String ownerName, String ownerKind, String districtCode, String districtName,
                              List<String> regionCodes, Double lat, Double lon, String technicalParameters,
                              String sharingMode, String status, LocalDate purchaseDate, boolean demo,
                              Instant updatedAt) {
        this(id, code, name, nameEn, model, manufacturer, countryCode, originalValueFen, currency, valueBand,
                fundingSource, categoryCode, categoryName, ownerId, ownerName, ownerKind, districtCode, districtName,
                regionCodes, lat, lon, technicalParameters, sharingMode, status, purchaseDate, demo, updatedAt,
                null, null);
    }

    /** The same document with a price (from the marketplace's tariffs). */
    public InstrumentDocument withPrice(Long fromFen, String unit) {
        return new InstrumentDocument(id, code, name, nameEn, model, manufacturer, countryCode, originalValueFen,
                currency, valueBand, fundingSource, categoryCode, categoryName, ownerId, ownerName, ownerKind,
                districtCode, districtName, regionCodes, lat, lon, technicalParameters, sharingMode, status,
                purchaseDate, demo, updatedAt, fromFen, unit, ratingAverage, ratingCount);
    }

    /** The same document with the buyers' rating (from the marketplace's reviews). */
    public InstrumentDocument withRating(Double average, Integer count) {
        return new InstrumentDocument(id, code, name, nameEn, model, manufacturer, countryCode, originalValueFen,
                currency, valueBand, fundingSource, categoryCode, categoryName, ownerId, ownerName, ownerKind,
                districtCode, districtName, regionCodes, lat, lon, technicalParameters, sharingMode, status,
                purchaseDate, demo, updatedAt, priceFromFen, priceUnit, average, count);
    }
}
