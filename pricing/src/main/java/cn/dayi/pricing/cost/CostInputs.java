package cn.dayi.pricing.cost;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.math.BigDecimal;

/**
 * What the full cost of one instrument is made of, for one year of expected use.
 *
 * <p>Units: amounts are fen (分, CNY minor units) as {@code long}; rates are basis points
 * (10,000 bp = 100 %); power is kW and electricity fen per kWh. Source of the cost structure:
 * Shenzhen proposal (seeds 003) §五(一) — full-cost accounting of depreciation, staff, materials
 * and operation/maintenance; energy and facility overhead are listed separately here.
 *
 * <p>Errors: {@link PricingException} {@code INVALID_ORIGINAL_VALUE}, {@code INVALID_RESIDUAL_RATE},
 * {@code INVALID_USEFUL_LIFE}, {@code INVALID_ANNUAL_HOURS},
 * {@code NEGATIVE_COST} (field named), {@code INVALID_SAMPLES_PER_HOUR},
 * {@code MISSING_VALUE}.
 *
 * @param originalValueFen          original value (原值) in fen, &gt; 0
 * @param residualRateBp            residual value as a share of the original value, 0..10,000 bp
 *                                  (500 = 5 %)
 * @param usefulLifeYears           depreciation life in years, &gt; 0 (straight line)
 * @param annualStaffCostFen        staff cost attributed to this instrument per year, ≥ 0
 * @param annualMaintenanceFen      maintenance and service contracts per year, ≥ 0
 * @param powerKw                   average power draw while running, kW, ≥ 0
 * @param electricityFenPerKwh      electricity price, fen per kWh, ≥ 0
 * @param annualFacilityOverheadFen room, air conditioning, gases, shared services per year, ≥ 0
 * @param consumablesPerSampleFen   consumables used per sample, ≥ 0
 * @param samplesPerHour            throughput for per-sample cost, &gt; 0 (e.g. 2.5)
 * @param expectedAnnualHours       machine-hours the annual costs are spread over, 1..8,784;
 *                                  {@link #DEFAULT_ANNUAL_HOURS} if unknown
 */
public record CostInputs(
        long originalValueFen,
        int residualRateBp,
        int usefulLifeYears,
        long annualStaffCostFen,
        long annualMaintenanceFen,
        BigDecimal powerKw,
        long electricityFenPerKwh,
        long annualFacilityOverheadFen,
        long consumablesPerSampleFen,
        BigDecimal samplesPerHour,
        int expectedAnnualHours) {

    /**
     * 1,400 machine-hours per year: the Ministry of Education's standard annual machine-time
     * (教育部 1400 小时年标准机时, cited in seeds 001), the default denominator of cost per hour.
     */
    public static final int DEFAULT_ANNUAL_HOURS = 1400;

    /** 366 days × 24 h: no instrument runs longer in one year. */
    public static final int MAX_ANNUAL_HOURS = 8784;

    /** Validates every field; see the record's Javadoc for the rules and codes. */
    public CostInputs {
        PricingException.require(powerKw, "powerKw");
        PricingException.require(samplesPerHour, "samplesPerHour");
        if (originalValueFen <= 0) {
            throw new PricingException(Code.INVALID_ORIGINAL_VALUE, "originalValueFen",
                    "Original value must be more than 0 fen; got " + originalValueFen + ".");
        }
        if (residualRateBp < 0 || residualRateBp > 10_000) {
            throw new PricingException(Code.INVALID_RESIDUAL_RATE, "residualRateBp",
                    "Residual rate must be between 0 and 10,000 bp (0–100 %); got " + residualRateBp + ".");
        }
        if (usefulLifeYears < 1) {
            throw new PricingException(Code.INVALID_USEFUL_LIFE, "usefulLifeYears",
                    "Useful life must be at least 1 year; got " + usefulLifeYears + ".");
        }
        if (expectedAnnualHours < 1 || expectedAnnualHours > MAX_ANNUAL_HOURS) {
            throw new PricingException(Code.INVALID_ANNUAL_HOURS, "expectedAnnualHours",
                    "Expected annual hours must be between 1 and " + MAX_ANNUAL_HOURS + "; got "
                            + expectedAnnualHours + ".");
        }
        requireNotNegative(annualStaffCostFen, "annualStaffCostFen");
        requireNotNegative(annualMaintenanceFen, "annualMaintenanceFen");
        requireNotNegative(powerKw, "powerKw");
        requireNotNegative(electricityFenPerKwh, "electricityFenPerKwh");
        requireNotNegative(annualFacilityOverheadFen, "annualFacilityOverheadFen");
        requireNotNegative(consumablesPerSampleFen, "consumablesPerSampleFen");
        if (samplesPerHour.signum() <= 0) {
            throw new PricingException(Code.INVALID_SAMPLES_PER_HOUR, "samplesPerHour",
                    "Samples per hour must be more than 0; got " + samplesPerHour.toPlainString() + ".");
        }
    }

    private static void requireNotNegative(long value, String field) {
        if (value < 0) {
            throw new PricingException(Code.NEGATIVE_COST, field,
                    "Cost " + field + " must not be negative; got " + value + ".");
        }
    }

    private static void requireNotNegative(BigDecimal value, String field) {
        if (value.signum() < 0) {
            throw new PricingException(Code.NEGATIVE_COST, field,
                    "Cost " + field + " must not be negative; got " + value.toPlainString() + ".");
        }
    }

    /**
     * A builder with defaults: residual 0 bp, 0 for every running cost, 1 sample per hour and
     * {@link #DEFAULT_ANNUAL_HOURS}; original value and useful life have no default.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder for {@link CostInputs}; {@link #build()} validates. */
    public static final class Builder {
        private long originalValueFen;
        private int residualRateBp;
        private int usefulLifeYears;
        private long annualStaffCostFen;
        private long annualMaintenanceFen;
        private BigDecimal powerKw = BigDecimal.ZERO;
        private long electricityFenPerKwh;
        private long annualFacilityOverheadFen;
        private long consumablesPerSampleFen;
        private BigDecimal samplesPerHour = BigDecimal.ONE;
        private int expectedAnnualHours = DEFAULT_ANNUAL_HOURS;

        private Builder() {
        }

        /** @param fen original value, fen */
        public Builder originalValueFen(long fen) {
            this.originalValueFen = fen;
            return this;
        }

        /** @param bp residual rate, basis points */
        public Builder residualRateBp(int bp) {
            this.residualRateBp = bp;
            return this;
        }

        /** @param years useful life, years */
        public Builder usefulLifeYears(int years) {
            this.usefulLifeYears = years;
            return this;
        }

        /** @param fen staff cost per year, fen */
        public Builder annualStaffCostFen(long fen) {
            this.annualStaffCostFen = fen;
            return this;
        }

        /** @param fen maintenance and service contracts per year, fen */
        public Builder annualMaintenanceFen(long fen) {
            this.annualMaintenanceFen = fen;
            return this;
        }

        /** @param kw power draw, kW */
        public Builder powerKw(BigDecimal kw) {
            this.powerKw = kw;
            return this;
        }

        /** @param fen electricity price, fen per kWh */
        public Builder electricityFenPerKwh(long fen) {
            this.electricityFenPerKwh = fen;
            return this;
        }

        /** @param fen facility overhead per year, fen */
        public Builder annualFacilityOverheadFen(long fen) {
            this.annualFacilityOverheadFen = fen;
            return this;
        }

        /** @param fen consumables per sample, fen */
        public Builder consumablesPerSampleFen(long fen) {
            this.consumablesPerSampleFen = fen;
            return this;
        }

        /** @param samples samples processed per hour */
        public Builder samplesPerHour(BigDecimal samples) {
            this.samplesPerHour = samples;
            return this;
        }

        /** @param hours expected machine-hours per year */
        public Builder expectedAnnualHours(int hours) {
            this.expectedAnnualHours = hours;
            return this;
        }

        /** @return validated inputs; throws {@link PricingException} as the record does */
        public CostInputs build() {
            return new CostInputs(originalValueFen, residualRateBp, usefulLifeYears, annualStaffCostFen,
                    annualMaintenanceFen, powerKw, electricityFenPerKwh, annualFacilityOverheadFen,
                    consumablesPerSampleFen, samplesPerHour, expectedAnnualHours);
        }
    }
}
