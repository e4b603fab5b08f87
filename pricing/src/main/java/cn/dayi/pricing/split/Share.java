package cn.dayi.pricing.split;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;

/**
 * One party's share of revenue.
 *
 * <p>Errors: {@link PricingException} {@code INVALID_SHARE} or {@code MISSING_VALUE}.
 *
 * @param party   who, not null
 * @param shareBp share in basis points, 0..10,000 (10,000 = 100 %)
 */
public record Share(Party party, int shareBp) {

    /** Validates the share. */
    public Share {
        PricingException.require(party, "party");
        if (shareBp < 0 || shareBp > 10_000) {
            throw new PricingException(Code.INVALID_SHARE, "shareBp",
                    "A share must be between 0 and 10,000 bp; " + party + " got " + shareBp + " bp.");
        }
    }
}
