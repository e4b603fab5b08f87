package cn.dayi.marketplace.tariff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A service item (检测项目) of an instrument: testing a buyer can order.
 *
 * @param id                 id
 * @param instrumentId       instrument it runs on
 * @param name               Chinese (or only) name
 * @param nameEn             English name, or null
 * @param unitPriceFen       price per sample or item, fen (CNY); null = on request (面议)
 * @param currency           CNY
 * @param sampleRequirements what to send, or null
 * @param turnaroundDays     working days to the report, or null
 * @param active             false = withdrawn (kept for old orders, not shown to buyers)
 * @param updatedAt          last change (UTC)
 * @param version            optimistic-lock version
 */
@Serdeable
public record ServiceItem(long id, long instrumentId, String name, @Nullable String nameEn, @Nullable Long unitPriceFen,
                          String currency, @Nullable String sampleRequirements, @Nullable Integer turnaroundDays,
                          boolean active, Instant updatedAt, int version) {

    /**
     * What a manager sends to create or change an item; see {@link ServiceItem} for the fields.
     * {@code active} defaults to true.
     */
    @Serdeable
    public record Body(@Nullable String name, @Nullable String nameEn, @Nullable Long unitPriceFen,
                       @Nullable String sampleRequirements, @Nullable Integer turnaroundDays,
                       @Nullable Boolean active) {
    }
}
