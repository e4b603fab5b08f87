package cn.dayi.pricing.quote;

/** The kinds of line on a {@link PriceQuote}, in the order they appear. */
public enum QuoteLineCode {
    /** Unit price × quantity; always present. */
    BASE,
    /** Volume discount on the base; negative. */
    VOLUME_DISCOUNT,
    /** After-hours surcharge on the after-hours share of the discounted base; positive. */
    AFTER_HOURS,
    /** Urgent surcharge on the discounted base; positive. */
    URGENT,
    /** Difference up to the tariff's minimum charge; positive. */
    MINIMUM_CHARGE_TOP_UP
}
