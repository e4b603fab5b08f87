package cn.dayi.marketplace.tariff;

import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.ChargeUnit;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The "from" price of an instrument for one buyer class: the lowest unit price among its
 * effective HOUR tariffs; when it has none, among its SAMPLE and TEST_ITEM tariffs. (HALF_DAY and
 * DAY tariffs do not give a "from" price: their unit is not comparable with an hour.)
 *
 * @param unitPriceFen  price of one unit, fen (CNY)
 * @param chargeUnit    HOUR, SAMPLE or TEST_ITEM
 * @param buyerClass    class priced
 * @param tariffCode    the tariff it comes from
 * @param tariffVersion its version
 */
@Serdeable
public record PriceFrom(long unitPriceFen, ChargeUnit chargeUnit, BuyerClass buyerClass, String tariffCode,
                        int tariffVersion) {
}
