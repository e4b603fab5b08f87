package cn.dayi.marketplace.tariff;

import cn.dayi.pricing.tariff.ChargeUnit;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A tariff version to publish. Units: bp (10,000 = 100 %) for markups and surcharges, fen for
 * money, charge units for band quantities.
 *
 * @param code                  stable code shared by the versions, e.g. {@code TEM-HOUR}; letters,
 *                              digits, {@code -} and {@code _}, at most 64
 * @param chargeUnit            HOUR, HALF_DAY, DAY, SAMPLE or TEST_ITEM; the same for every version of a code
 * @param costBasisFen          full cost of one unit, fen; null = from the saved cost figures
 *                              (HOUR: hourly cost, HALF_DAY 4 ×, DAY 8 ×, SAMPLE/TEST_ITEM: per-sample cost)
 * @param academicMarkupBp      ACADEMIC_EXTERNAL markup over cost (INTERNAL is always at cost)
 * @param commercialMarkupBp    COMMERCIAL markup over cost, ≥ the academic markup
 * @param afterHoursSurchargeBp surcharge on the share of a booking outside 08:30–17:30 Mon–Fri
 * @param urgentSurchargeBp     surcharge for urgent work
 * @param minimumChargeFen      smallest total of an order, fen
 * @param volumeBands           all-units discounts from a quantity on, ascending
 * @param effectiveFrom         first day (Asia/Shanghai); null = today; not in the past, and after the
 *                              first day of the latest version of the code
 */
@Serdeable
public record NewTariff(@Nullable String code, @Nullable ChargeUnit chargeUnit, @Nullable Long costBasisFen,
                        @Nullable Integer academicMarkupBp, @Nullable Integer commercialMarkupBp,
                        @Nullable Integer afterHoursSurchargeBp, @Nullable Integer urgentSurchargeBp,
                        @Nullable Long minimumChargeFen, @Nullable List<Band> volumeBands,
                        @Nullable LocalDate effectiveFrom) {

    /**
     * One volume band.
     *
     * @param fromQuantity charge units from which the discount applies, &gt; 0
     * @param discountBp   discount on the whole order, 0..9,999 bp
     */
    @Serdeable
    public record Band(BigDecimal fromQuantity, int discountBp) {
    }
}
