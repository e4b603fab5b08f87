package cn.dayi.marketplace.tariff;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.cost.CostInputs;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * An instrument's cost inputs as the API and the forms carry them (JSON shape of
 * {@link CostInputs}). Units: fen (CNY minor units) for amounts, bp (10,000 = 100 %) for the
 * residual rate, kW for power, fen per kWh for electricity. {@code originalValueFen} and
 * {@code usefulLifeYears} are required; the others default to 0, 1 sample per hour and 1,400
 * expected annual hours.
 *
 * <p>Errors ({@link #toInputs()}): {@link PricingException} {@code MISSING_VALUE},
 * {@code INVALID_ORIGINAL_VALUE}, {@code INVALID_RESIDUAL_RATE}, {@code INVALID_USEFUL_LIFE},
 * {@code INVALID_ANNUAL_HOURS}, {@code NEGATIVE_COST}, {@code INVALID_SAMPLES_PER_HOUR}, each with
 * the field named.
 */
@Serdeable
public record CostFigures(
        @Nullable Long originalValueFen,
        @Nullable Integer residualRateBp,
        @Nullable Integer usefulLifeYears,
        @Nullable Long annualStaffCostFen,
        @Nullable Long annualMaintenanceFen,
        @Nullable BigDecimal powerKw,
        @Nullable Long electricityFenPerKwh,
        @Nullable Long annualFacilityOverheadFen,
        @Nullable Long consumablesPerSampleFen,
        @Nullable BigDecimal samplesPerHour,
        @Nullable Integer expectedAnnualHours) {

    /** The validated inputs; missing optional figures take their defaults. */
    public CostInputs toInputs() {
        PricingException.require(originalValueFen, "originalValueFen");
        PricingException.require(usefulLifeYears, "usefulLifeYears");
        return CostInputs.builder()
                .originalValueFen(originalValueFen)
                .residualRateBp(residualRateBp == null ? 0 : residualRateBp)
                .usefulLifeYears(usefulLifeYears)
                .annualStaffCostFen(or0(annualStaffCostFen))
                .annualMaintenanceFen(or0(annualMaintenanceFen))
                .powerKw(powerKw == null ? BigDecimal.ZERO : powerKw)
                .electricityFenPerKwh(or0(electricityFenPerKwh))
                .annualFacilityOverheadFen(or0(annualFacilityOverheadFen))
                .consumablesPerSampleFen(or0(consumablesPerSampleFen))
                .samplesPerHour(samplesPerHour == null ? BigDecimal.ONE : samplesPerHour)
                .expectedAnnualHours(expectedAnnualHours == null ? CostInputs.DEFAULT_ANNUAL_HOURS : expectedAnnualHours)
                .build();
    }

    /** The figures of validated inputs. */
    public static CostFigures of(CostInputs in) {
        return new CostFigures(in.originalValueFen(), in.residualRateBp(), in.usefulLifeYears(),
                in.annualStaffCostFen(), in.annualMaintenanceFen(), in.powerKw().stripTrailingZeros(),
                in.electricityFenPerKwh(), in.annualFacilityOverheadFen(), in.consumablesPerSampleFen(),
                in.samplesPerHour().stripTrailingZeros(), in.expectedAnnualHours());
    }

    private static long or0(Long v) {
        return v == null ? 0 : v;
    }
}
