package cn.dayi.pricing.quote;

import cn.dayi.pricing.PricingException;

/**
 * One line of a price quote, labelled for people in Chinese and English.
 *
 * <p>Errors: {@link PricingException} {@code MISSING_VALUE}.
 *
 * @param code      kind of line, not null
 * @param labelZh   Chinese label with the figures behind the line, e.g. "批量折扣 5%"
 * @param labelEn   English label, e.g. "Volume discount 5%"
 * @param amountFen amount in fen; negative only for VOLUME_DISCOUNT
 */
public record QuoteLine(QuoteLineCode code, String labelZh, String labelEn, long amountFen) {

    /** Validates the line. */
    public QuoteLine {
        PricingException.require(code, "code");
        PricingException.require(labelZh, "labelZh");
        PricingException.require(labelEn, "labelEn");
    }
}
