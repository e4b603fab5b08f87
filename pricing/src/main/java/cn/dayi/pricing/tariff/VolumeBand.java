package cn.dayi.pricing.tariff;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import java.math.BigDecimal;

/**
 * One volume-discount band of a tariff: from {@code fromQuantity} units on, the whole order gets
 * {@code discountBp} off (an all-units discount, not an incremental one).
 *
 * <p>Errors: {@link PricingException} {@code INVALID_VOLUME_BANDS} or {@code MISSING_VALUE}.
 *
 * @param fromQuantity quantity in charge units at which the band starts, &gt; 0
 * @param discountBp   discount in basis points, 0..9,999 (never 100 %)
 */
public record VolumeBand(BigDecimal fromQuantity, int discountBp) {

    /** Validates the band. */
    public VolumeBand {
        PricingException.require(fromQuantity, "fromQuantity");
        if (fromQuantity.signum() <= 0) {
            throw new PricingException(Code.INVALID_VOLUME_BANDS, "fromQuantity",
                    "A volume band must start above 0; got " + fromQuantity.toPlainString() + ".");
        }
        if (discountBp < 0 || discountBp >= 10_000) {
            throw new PricingException(Code.INVALID_VOLUME_BANDS, "discountBp",
                    "A volume discount must be between 0 and 9,999 bp; got " + discountBp + ".");
        }
    }

    /** Shorthand for {@code new VolumeBand(BigDecimal.valueOf(fromQuantity), discountBp)}. */
    public static VolumeBand of(long fromQuantity, int discountBp) {
        return new VolumeBand(BigDecimal.valueOf(fromQuantity), discountBp);
    }
}
