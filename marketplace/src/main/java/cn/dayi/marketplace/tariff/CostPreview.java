package cn.dayi.marketplace.tariff;

import cn.dayi.pricing.tariff.ChargeUnit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What given cost figures and markups would give, nothing saved (the editor's live calculator).
 *
 * @param breakdown    full cost per machine-hour and per sample
 * @param chargeUnit   the unit priced
 * @param costBasisFen full cost of one unit, fen
 * @param unitPrices   price of one unit per buyer class, fen
 * @param guidance     the instrument category's band and whether these prices respect it
 */
@Serdeable
public record CostPreview(CostView breakdown, ChargeUnit chargeUnit, long costBasisFen, UnitPrices unitPrices,
                          @Nullable GuidanceCheck guidance) {

    /**
     * The guidance band in fen for this cost basis.
     *
     * @param floorBp  floor ratio, bp
     * @param capBp    cap ratio, bp
     * @param floorFen lowest allowed external unit price, fen
     * @param capFen   highest allowed unit price, fen
     * @param within   true when every class's price lies in the band
     * @param problem  why not, e.g. "Commercial price 900.00 元/小时 exceeds the cap …"; null when within
     */
    @Serdeable
    public record GuidanceCheck(int floorBp, int capBp, long floorFen, long capFen, boolean within,
                                @Nullable String problem) {
    }

    /**
     * The calculator's question.
     *
     * @param inputs             cost figures
     * @param chargeUnit         unit to price (default HOUR)
     * @param academicMarkupBp   ACADEMIC_EXTERNAL markup, bp (default 0)
     * @param commercialMarkupBp COMMERCIAL markup, bp (default 0)
     */
    @Serdeable
    public record Request(@Nullable CostFigures inputs, @Nullable ChargeUnit chargeUnit,
                          @Nullable Integer academicMarkupBp, @Nullable Integer commercialMarkupBp) {
    }
}
