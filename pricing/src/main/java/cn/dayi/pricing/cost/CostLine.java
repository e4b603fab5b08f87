package cn.dayi.pricing.cost;

import cn.dayi.pricing.PricingException;

/**
 * One rounded line of a cost breakdown.
 *
 * @param component what the cost is for, not null
 * @param amountFen cost in whole fen per unit of the breakdown (per hour or per sample), ≥ 0
 */
public record CostLine(CostComponent component, long amountFen) {

    /** @throws PricingException {@code MISSING_VALUE} or {@code NEGATIVE_COST} */
    public CostLine {
        PricingException.require(component, "component");
        if (amountFen < 0) {
            throw new PricingException(PricingException.Code.NEGATIVE_COST, "amountFen",
                    "Cost line " + component + " must not be negative; got " + amountFen + ".");
        }
    }
}
