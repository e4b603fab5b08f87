package cn.dayi.marketplace.tariff;

import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.Tariff;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Price of one charge unit for each buyer class, fen (CNY).
 *
 * @param internalFen         INTERNAL: exactly the cost basis (non-profit)
 * @param academicExternalFen ACADEMIC_EXTERNAL: cost plus the academic markup
 * @param commercialFen       COMMERCIAL: cost plus the commercial markup
 */
@Serdeable
public record UnitPrices(long internalFen, long academicExternalFen, long commercialFen) {

    /** The unit prices of a tariff. */
    public static UnitPrices of(Tariff t) {
        return new UnitPrices(t.unitPriceFen(BuyerClass.INTERNAL), t.unitPriceFen(BuyerClass.ACADEMIC_EXTERNAL),
                t.unitPriceFen(BuyerClass.COMMERCIAL));
    }

    /** The price for one class. */
    public long of(BuyerClass buyerClass) {
        return switch (buyerClass) {
            case INTERNAL -> internalFen;
            case ACADEMIC_EXTERNAL -> academicExternalFen;
            case COMMERCIAL -> commercialFen;
        };
    }
}
