package cn.dayi.marketplace.importing;

import cn.dayi.marketplace.catalogue.FundingSource;
import cn.dayi.marketplace.catalogue.InstrumentStatus;
import cn.dayi.marketplace.catalogue.OrganisationKind;
import cn.dayi.marketplace.catalogue.SharingMode;
import java.time.LocalDate;

/**
 * One instrument as a format reader hands it to the importer, already mapped to the catalogue
 * model. Readers fill what their format carries and leave the rest null; the importer validates
 * what every format shares (lengths, coordinate ranges, known codes) and writes the row whole or
 * not at all.
 *
 * @param source              where the row comes from, e.g. {@code uniquip:st-andrews},
 *                            {@code dayi-csv:shenzhen}, {@code demo}; with {@code sourceId} the
 *                            import key (re-importing the same key updates, never duplicates)
 * @param sourceId            the row's id within its source (≤ 191 characters)
 * @param name                instrument name (required, ≤ 200)
 * @param nameEn              English name, optional
 * @param model               model designation, optional (≤ 120)
 * @param manufacturer        manufacturer, optional (≤ 120)
 * @param countryCode         ISO 3166-1 alpha-2 country of manufacture, optional
 * @param originalValueFen    original value (原值) in minor units of {@code currency}, ≥ 0, optional
 * @param currency            ISO 4217 code; null means CNY
 * @param purchaseDate        optional
 * @param fundingSource       optional
 * @param owner               the owning organisation (required)
 * @param department          department or lab inside the owner, optional
 * @param address             street address or building, optional
 * @param districtCode        a {@code region} code at DISTRICT level (e.g. {@code 440305}), optional
 * @param lat                 WGS 84 latitude, -90..90, optional (both or neither of lat/lon)
 * @param lon                 WGS 84 longitude, -180..180, optional
 * @param categoryCode        national category code {@code 01}..{@code 15}; null means 15 (其他)
 * @param technicalParameters free text, optional (≤ 20,000)
 * @param sampleRequirements  free text, optional (≤ 20,000)
 * @param serviceDescription  what the instrument is used for / services offered, optional
 * @param sharingMode         null means EXTERNAL
 * @param status              null means IN_SERVICE
 * @param contactName         optional
 * @param contactPhone        optional
 * @param contactEmail        optional
 * @param contactUrl          optional
 * @param photoUrl            optional
 * @param demo                true only for rows of the generated demo catalogue
 */
public record InstrumentRow(
        String source,
        String sourceId,
        String name,
        String nameEn,
        String model,
        String manufacturer,
        String countryCode,
        Long originalValueFen,
        String currency,
        LocalDate purchaseDate,
        FundingSource fundingSource,
        OwnerRef owner,
        String department,
        String address,
        String districtCode,
        Double lat,
        Double lon,
        String categoryCode,
        String technicalParameters,
        String sampleRequirements,
        String serviceDescription,
        SharingMode sharingMode,
        InstrumentStatus status,
        String contactName,
        String contactPhone,
        String contactEmail,
        String contactUrl,
        String photoUrl,
        boolean demo) {

    /**
     * The owning organisation of a row, matched or created by ({@code source}, {@code sourceId}).
     *
     * @param source       e.g. {@code uniquip:st-andrews}, {@code demo}
     * @param sourceId     id within the source, e.g. a normalised name or a credit code
     * @param name         display name (Chinese where there is one)
     * @param nameEn       English name, optional
     * @param kind         organisation kind
     * @param districtCode region code of its seat, optional
     */
    public record OwnerRef(String source, String sourceId, String name, String nameEn, OrganisationKind kind,
                           String districtCode) {
    }
}
