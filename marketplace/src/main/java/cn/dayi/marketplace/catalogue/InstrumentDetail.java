package cn.dayi.marketplace.catalogue;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Everything the catalogue knows about one instrument, as {@code GET /api/v1/instruments/{id}}
 * returns it. Read from the database, so it answers even when search is down.
 *
 * @param originalValue original value (原值): {@code fen} in minor units of {@code currency}; null when unknown
 * @param location      WGS 84 coordinates; null when unknown
 */
@Serdeable
public record InstrumentDetail(
        long id,
        String code,
        String name,
        String nameEn,
        String model,
        String manufacturer,
        String countryOfManufacture,
        Money originalValue,
        LocalDate purchaseDate,
        String fundingSource,
        Ref category,
        Owner owner,
        String department,
        String address,
        Ref district,
        Location location,
        String technicalParameters,
        String sampleRequirements,
        String serviceDescription,
        String sharingMode,
        String status,
        Contact contact,
        String photoUrl,
        String source,
        boolean demo,
        Instant updatedAt) {

    /** An amount in minor units (fen for CNY, pence for GBP) with its ISO 4217 currency. */
    @Serdeable
    public record Money(long fen, String currency) {
    }

    /** A coded reference with its Chinese and English names. */
    @Serdeable
    public record Ref(String code, String name, String nameEn) {
    }

    /** The owning organisation. */
    @Serdeable
    public record Owner(long id, String name, String kind) {
    }

    /** WGS 84 decimal degrees. */
    @Serdeable
    public record Location(double lat, double lon) {
    }

    /** Who to ask about the instrument. */
    @Serdeable
    public record Contact(String name, String phone, String email, String url) {
    }
}
