package cn.dayi.pricing.tariff;

import cn.dayi.pricing.FenRounding;
import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import cn.dayi.pricing.Yuan;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The fiscal authority's pricing guidance (统一定价): per national category, a floor and a cap on
 * unit prices as ratios to the tariff's cost basis. Source: domain rules, "platform sets unified
 * pricing guidance" (seeds 003 §五(一)).
 *
 * <p>Every buyer class's unit price must lie in [floor, cap] × cost basis, each bound rounded to
 * fen by {@link FenRounding}. INTERNAL is priced at cost by definition, so it is always within
 * range when the floor is at most cost (caps are never below cost). When the floor is above cost
 * (floor &gt; 10,000 bp) it binds the external classes only: internal use stays non-profit.
 */
public final class PricingGuidance {

    private final Map<String, GuidanceBand> bandsByCategoryCode;

    /** @param bandsByCategoryCode national category code (e.g. "03") → band; copied */
    public PricingGuidance(Map<String, GuidanceBand> bandsByCategoryCode) {
        this.bandsByCategoryCode = Map.copyOf(PricingException.require(bandsByCategoryCode, "bandsByCategoryCode"));
    }

    /** @return the band set for {@code categoryCode}, or throws {@code NO_GUIDANCE_FOR_CATEGORY} */
    public GuidanceBand bandFor(String categoryCode) {
        GuidanceBand band = bandsByCategoryCode.get(categoryCode);
        if (band == null) {
            throw new PricingException(Code.NO_GUIDANCE_FOR_CATEGORY, "categoryCode",
                    "No pricing guidance is set for category " + categoryCode + ".");
        }
        return band;
    }

    /**
     * Checks every buyer class's unit price of {@code tariff} against the band of the category.
     *
     * @throws PricingException {@code TARIFF_OUTSIDE_GUIDANCE} naming the first offending class (in
     *                          {@link BuyerClass} order), its unit price and the bound in yuan, e.g.
     *                          "Commercial price 900.00 元/小时 exceeds the cap of 814.29 元/小时
     *                          (3.0 × cost) set for 分析仪器."; {@code NO_GUIDANCE_FOR_CATEGORY}
     */
    public void check(String categoryCode, Tariff tariff) {
        GuidanceBand band = bandFor(categoryCode);
        BigDecimal cost = BigDecimal.valueOf(tariff.costBasisFen());
        long floorFen = FenRounding.toFen(FenRounding.applyBp(cost, band.floorBp()));
        long capFen = FenRounding.toFen(FenRounding.applyBp(cost, band.capBp()));
        String unit = " 元/" + tariff.chargeUnit().labelZh();
        for (BuyerClass buyerClass : BuyerClass.values()) {
            long price = tariff.unitPriceFen(buyerClass);
            boolean floorApplies = buyerClass.isExternal() || band.floorBp() <= 10_000;
            String field = switch (buyerClass) {
                case INTERNAL -> "costBasisFen";
                case ACADEMIC_EXTERNAL -> "academicMarkupBp";
                case COMMERCIAL -> "commercialMarkupBp";
            };
            if (floorApplies && price < floorFen) {
                throw new PricingException(Code.TARIFF_OUTSIDE_GUIDANCE, field,
                        buyerClass.labelEn() + " price " + Yuan.format(price) + unit + " is below the floor of "
                                + Yuan.format(floorFen) + unit + " (" + ratio(band.floorBp()) + " × cost) set for "
                                + band.categoryName() + ".");
            }
            if (price > capFen) {
                throw new PricingException(Code.TARIFF_OUTSIDE_GUIDANCE, field,
                        buyerClass.labelEn() + " price " + Yuan.format(price) + unit + " exceeds the cap of "
                                + Yuan.format(capFen) + unit + " (" + ratio(band.capBp()) + " × cost) set for "
                                + band.categoryName() + ".");
            }
        }
    }

    /** 30,000 bp → "3.0", 12,500 bp → "1.25" (exact, no rounding). */
    private static String ratio(int bp) {
        BigDecimal r = BigDecimal.valueOf(bp, 4).stripTrailingZeros();
        return (r.scale() < 1 ? r.setScale(1) : r).toPlainString();
    }
}
