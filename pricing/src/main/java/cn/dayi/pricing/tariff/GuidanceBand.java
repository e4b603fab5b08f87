package cn.dayi.pricing.tariff;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;

/**
 * The fiscal authority's price range for one national instrument category, as ratios to cost.
 *
 * <p>Errors: {@link PricingException} {@code INVALID_GUIDANCE} or {@code MISSING_VALUE}.
 *
 * @param categoryName name shown in messages, e.g. "分析仪器", not blank
 * @param floorBp      lowest price as a ratio to cost, bp, ≥ 0 (10,000 = not below cost)
 * @param capBp        highest price as a ratio to cost, bp, ≥ 10,000 and ≥ floor (30,000 = at
 *                     most 3 × cost); below 10,000 would forbid at-cost internal prices
 */
public record GuidanceBand(String categoryName, int floorBp, int capBp) {

    /** Validates the band. */
    public GuidanceBand {
        PricingException.require(categoryName, "categoryName");
        if (floorBp < 0) {
            throw new PricingException(Code.INVALID_GUIDANCE, "floorBp",
                    "Guidance floor for " + categoryName + " must not be negative; got " + floorBp + " bp.");
        }
        if (capBp < 10_000) {
            throw new PricingException(Code.INVALID_GUIDANCE, "capBp",
                    "Guidance cap for " + categoryName + " must be at least cost (10,000 bp); got " + capBp + " bp.");
        }
        if (floorBp > capBp) {
            throw new PricingException(Code.INVALID_GUIDANCE, "floorBp",
                    "Guidance floor for " + categoryName + " (" + floorBp + " bp) is above its cap (" + capBp + " bp).");
        }
    }
}
