package cn.dayi.marketplace.tariff;

/**
 * The facts of an instrument that pricing needs.
 *
 * @param id           instrument id
 * @param code         public code (DY…)
 * @param name         name as registered
 * @param ownerId      owning organisation
 * @param categoryCode national category code 01..15, or null when unclassified
 * @param categoryName its Chinese name, or null
 */
public record InstrumentRef(long id, String code, String name, long ownerId, String categoryCode,
                            String categoryName) {
}
