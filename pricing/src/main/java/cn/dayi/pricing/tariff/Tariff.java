package cn.dayi.pricing.tariff;

import cn.dayi.pricing.FenRounding;
import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import cn.dayi.pricing.cost.CostBreakdown;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One version of a tariff (收费标准): the price of one {@link ChargeUnit} for each
 * {@link BuyerClass}, built as full cost plus a markup, with surcharges, a minimum charge and
 * volume discounts.
 *
 * <p>Unit price of a class = {@code costBasisFen × (10,000 + markupBp) / 10,000}, rounded to fen
 * by {@link FenRounding}; INTERNAL is always exactly the cost basis (markup 0: non-profit, fair
 * apportionment), ACADEMIC_EXTERNAL ≥ INTERNAL, COMMERCIAL ≥ ACADEMIC_EXTERNAL (market rate).
 * Source: Shenzhen proposal (seeds 003) §五(一).
 *
 * <p>Errors: {@link PricingException} {@code MISSING_VALUE}, {@code INVALID_TARIFF_VERSION},
 * {@code INVALID_COST_BASIS}, {@code MARKUP_ORDER}, {@code INVALID_MARKUP},
 * {@code NEGATIVE_COST}, {@code INVALID_VOLUME_BANDS},
 * {@code INVALID_EFFECTIVE_RANGE}.
 *
 * @param code                  stable identifier shared by all versions of this tariff, e.g.
 *                              {@code "TEM-JEM2100-HOUR"}, not blank
 * @param version               version number, ≥ 1
 * @param chargeUnit            what one unit is, not null
 * @param costBasisFen          full cost of one unit in fen, &gt; 0 (see
 *                              {@link ChargeUnit#costBasisFen(CostBreakdown)})
 * @param academicMarkupBp      markup over cost for ACADEMIC_EXTERNAL, bp, ≥ 0
 * @param commercialMarkupBp    markup over cost for COMMERCIAL, bp, ≥ academic markup
 * @param afterHoursSurchargeBp surcharge on the after-hours share of a booking, bp, ≥ 0
 * @param urgentSurchargeBp     surcharge for urgent work, bp, ≥ 0
 * @param minimumChargeFen      smallest total of any order, fen, ≥ 0
 * @param volumeBands           discount bands, strictly ascending {@code fromQuantity},
 *                              non-decreasing discount; may be empty
 * @param effectiveFrom         first day on which this version applies (Asia/Shanghai date)
 * @param effectiveTo           last day on which it applies, inclusive; empty = open-ended
 */
public record Tariff(
        String code,
        int version,
        ChargeUnit chargeUnit,
        long costBasisFen,
        int academicMarkupBp,
        int commercialMarkupBp,
        int afterHoursSurchargeBp,
        int urgentSurchargeBp,
        long minimumChargeFen,
        List<VolumeBand> volumeBands,
        LocalDate effectiveFrom,
        Optional<LocalDate> effectiveTo) {

    /** Largest markup or surcharge accepted: 1,000,000 bp, i.e. 100 × cost. */
    public static final int MAX_MARKUP_BP = 1_000_000;

    /** Validates every field; see the record's Javadoc. */
    public Tariff {
        PricingException.require(code, "code");
        if (code.isBlank()) {
            throw new PricingException(Code.MISSING_VALUE, "code", "A tariff code is required.");
        }
        PricingException.require(chargeUnit, "chargeUnit");
        PricingException.require(effectiveFrom, "effectiveFrom");
        effectiveTo = effectiveTo == null ? Optional.empty() : effectiveTo;
        volumeBands = List.copyOf(PricingException.require(volumeBands, "volumeBands"));
        if (version < 1) {
            throw new PricingException(Code.INVALID_TARIFF_VERSION, "version",
                    "Tariff version must be at least 1; got " + version + ".");
        }
        if (costBasisFen <= 0) {
            throw new PricingException(Code.INVALID_COST_BASIS, "costBasisFen",
                    "Cost basis must be more than 0 fen per " + chargeUnit.labelEn() + "; got " + costBasisFen + ".");
        }
        if (academicMarkupBp < 0 || commercialMarkupBp < academicMarkupBp) {
            throw new PricingException(Code.MARKUP_ORDER,
                    academicMarkupBp < 0 ? "academicMarkupBp" : "commercialMarkupBp",
                    "Markups must rise from internal (0 bp) to academic external to commercial; got academic "
                            + academicMarkupBp + " bp and commercial " + commercialMarkupBp + " bp.");
        }
        requireMarkupInRange(commercialMarkupBp, "commercialMarkupBp");
        requireMarkupInRange(afterHoursSurchargeBp, "afterHoursSurchargeBp");
        requireMarkupInRange(urgentSurchargeBp, "urgentSurchargeBp");
        if (minimumChargeFen < 0) {
            throw new PricingException(Code.NEGATIVE_COST, "minimumChargeFen",
                    "Minimum charge must not be negative; got " + minimumChargeFen + ".");
        }
        for (int i = 1; i < volumeBands.size(); i++) {
            VolumeBand prev = volumeBands.get(i - 1);
            VolumeBand band = volumeBands.get(i);
            if (band.fromQuantity().compareTo(prev.fromQuantity()) <= 0) {
                throw new PricingException(Code.INVALID_VOLUME_BANDS, "volumeBands",
                        "Volume bands must start at ascending quantities; band " + (i + 1) + " starts at "
                                + band.fromQuantity().toPlainString() + ", not after "
                                + prev.fromQuantity().toPlainString() + ".");
            }
            if (band.discountBp() < prev.discountBp()) {
                throw new PricingException(Code.INVALID_VOLUME_BANDS, "volumeBands",
                        "A larger volume must not get a smaller discount; band " + (i + 1) + " gives "
                                + band.discountBp() + " bp after " + prev.discountBp() + " bp.");
            }
        }
        if (effectiveTo.isPresent() && effectiveTo.get().isBefore(effectiveFrom)) {
            throw new PricingException(Code.INVALID_EFFECTIVE_RANGE, "effectiveTo",
                    "Tariff " + code + " v" + version + " ends on " + effectiveTo.get() + ", before it starts on "
                            + effectiveFrom + ".");
        }
    }

    private static void requireMarkupInRange(int bp, String field) {
        if (bp < 0 || bp > MAX_MARKUP_BP) {
            throw new PricingException(Code.INVALID_MARKUP, field,
                    field + " must be between 0 and " + MAX_MARKUP_BP + " bp; got " + bp + ".");
        }
    }

    /** @return the markup over cost of {@code buyerClass} in bp (INTERNAL: always 0) */
    public int markupBp(BuyerClass buyerClass) {
        return switch (buyerClass) {
            case INTERNAL -> 0;
            case ACADEMIC_EXTERNAL -> academicMarkupBp;
            case COMMERCIAL -> commercialMarkupBp;
        };
    }

    /**
     * @return price of one charge unit for {@code buyerClass} in fen: cost basis plus markup,
     *         rounded half up; INTERNAL returns {@link #costBasisFen()} exactly
     */
    public long unitPriceFen(BuyerClass buyerClass) {
        return FenRounding.toFen(FenRounding.applyBp(BigDecimal.valueOf(costBasisFen), 10_000L + markupBp(buyerClass)));
    }

    /**
     * @param quantity ordered quantity in charge units
     * @return the discount of the highest band whose {@code fromQuantity} ≤ quantity, bp; 0 if none
     */
    public int volumeDiscountBp(BigDecimal quantity) {
        int discount = 0;
        for (VolumeBand band : volumeBands) {
            if (band.fromQuantity().compareTo(quantity) <= 0) {
                discount = band.discountBp();
            }
        }
        return discount;
    }

    /** @return true when {@code date} lies in [effectiveFrom, effectiveTo] */
    public boolean isEffectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && effectiveTo.map(to -> !date.isAfter(to)).orElse(true);
    }

    /** @return a builder with version 1, zero markups and surcharges, no minimum, no bands */
    public static Builder builder() {
        return new Builder();
    }

    /** Mutable builder for {@link Tariff}; {@link #build()} validates. */
    public static final class Builder {
        private String code;
        private int version = 1;
        private ChargeUnit chargeUnit;
        private long costBasisFen;
        private int academicMarkupBp;
        private int commercialMarkupBp;
        private int afterHoursSurchargeBp;
        private int urgentSurchargeBp;
        private long minimumChargeFen;
        private final List<VolumeBand> volumeBands = new ArrayList<>();
        private LocalDate effectiveFrom;
        private LocalDate effectiveTo;

        private Builder() {
        }

        /** @param code stable tariff code */
        public Builder code(String code) {
            this.code = code;
            return this;
        }

        /** @param version version number, ≥ 1 */
        public Builder version(int version) {
            this.version = version;
            return this;
        }

        /** @param unit charge unit */
        public Builder chargeUnit(ChargeUnit unit) {
            this.chargeUnit = unit;
            return this;
        }

        /** @param fen cost of one unit, fen */
        public Builder costBasisFen(long fen) {
            this.costBasisFen = fen;
            return this;
        }

        /** Sets unit and cost basis from a cost breakdown ({@link ChargeUnit#costBasisFen}). */
        public Builder costBasisFrom(ChargeUnit unit, CostBreakdown cost) {
            this.chargeUnit = unit;
            this.costBasisFen = unit.costBasisFen(cost);
            return this;
        }

        /** @param bp academic external markup, bp */
        public Builder academicMarkupBp(int bp) {
            this.academicMarkupBp = bp;
            return this;
        }

        /** @param bp commercial markup, bp */
        public Builder commercialMarkupBp(int bp) {
            this.commercialMarkupBp = bp;
            return this;
        }

        /** @param bp after-hours surcharge, bp */
        public Builder afterHoursSurchargeBp(int bp) {
            this.afterHoursSurchargeBp = bp;
            return this;
        }

        /** @param bp urgent surcharge, bp */
        public Builder urgentSurchargeBp(int bp) {
            this.urgentSurchargeBp = bp;
            return this;
        }

        /** @param fen minimum charge, fen */
        public Builder minimumChargeFen(long fen) {
            this.minimumChargeFen = fen;
            return this;
        }

        /** Appends a volume band; bands must be added in ascending order. */
        public Builder volumeBand(VolumeBand band) {
            this.volumeBands.add(band);
            return this;
        }

        /** @param from first effective day */
        public Builder effectiveFrom(LocalDate from) {
            this.effectiveFrom = from;
            return this;
        }

        /** @param to last effective day, inclusive; null = open-ended */
        public Builder effectiveTo(LocalDate to) {
            this.effectiveTo = to;
            return this;
        }

        /** @return the validated tariff; throws {@link PricingException} as the record does */
        public Tariff build() {
            return new Tariff(code, version, chargeUnit, costBasisFen, academicMarkupBp, commercialMarkupBp,
                    afterHoursSurchargeBp, urgentSurchargeBp, minimumChargeFen, volumeBands, effectiveFrom,
                    Optional.ofNullable(effectiveTo));
        }
    }
}
