package cn.dayi.marketplace.tariff;

import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.ChargeUnit;
import cn.dayi.pricing.tariff.Tariff;
import cn.dayi.pricing.tariff.VolumeBand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One published tariff version (收费标准), never changed after publishing except for
 * {@code effectiveTo}, which the next version sets.
 *
 * @param id                    database id
 * @param instrumentId          instrument priced
 * @param code                  stable tariff code
 * @param version               1, 2, 3 …
 * @param chargeUnit            HOUR, HALF_DAY, DAY, SAMPLE, TEST_ITEM
 * @param costBasisFen          full cost of one unit when published, fen (CNY)
 * @param currency              CNY
 * @param academicMarkupBp      bp over cost
 * @param commercialMarkupBp    bp over cost
 * @param afterHoursSurchargeBp bp
 * @param urgentSurchargeBp     bp
 * @param minimumChargeFen      fen
 * @param volumeBands           ascending bands
 * @param costLines             the cost basis itemised (depreciation, staff …) when it came from the
 *                              cost figures; empty when it was given directly
 * @param unitPrices            price of one unit per buyer class, fen
 * @param effectiveFrom         first day (Asia/Shanghai)
 * @param effectiveTo           last day inclusive, null = open-ended
 * @param createdBy             person id of the publisher
 * @param createdAt             when (UTC)
 */
@Serdeable
public record TariffVersion(long id, long instrumentId, String code, int version, ChargeUnit chargeUnit,
                            long costBasisFen, String currency, int academicMarkupBp, int commercialMarkupBp,
                            int afterHoursSurchargeBp, int urgentSurchargeBp, long minimumChargeFen,
                            List<NewTariff.Band> volumeBands, List<CostView.Line> costLines, UnitPrices unitPrices,
                            LocalDate effectiveFrom, @Nullable LocalDate effectiveTo, long createdBy,
                            Instant createdAt) {

    /** The pricing module's tariff of this version. */
    public Tariff toTariff() {
        return new Tariff(code, version, chargeUnit, costBasisFen, academicMarkupBp, commercialMarkupBp,
                afterHoursSurchargeBp, urgentSurchargeBp, minimumChargeFen,
                volumeBands.stream().map(b -> new VolumeBand(b.fromQuantity(), b.discountBp())).toList(),
                effectiveFrom, Optional.ofNullable(effectiveTo));
    }

    /** Whether it applies on {@code date}. */
    public boolean isEffectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** Markup over cost of a class, bp. */
    public int markupBp(BuyerClass buyerClass) {
        return toTariff().markupBp(buyerClass);
    }
}
