package cn.dayi.marketplace.ledger;

import cn.dayi.pricing.quote.QuoteLineCode;

/**
 * How a quote line's money is shared at completion (Shenzhen proposal, seeds 003 §六(二), fig. 6-4):
 * instrument use (time, rental) is split by the entrustment's ratios; service fees and
 * consumables are the operator's.
 */
public enum ChargeKind {
    /** 租金: machine time or rental of the instrument; split among owner, fiscal fund, operator, platform. */
    INSTRUMENT_USE,
    /** 服务费: operation, guidance, urgent handling; wholly the operator's. */
    SERVICE_FEE,
    /** 耗材: materials; wholly the operator's. */
    CONSUMABLE;

    /**
     * The kind of a machine-time quote line. BASE, VOLUME_DISCOUNT, AFTER_HOURS and
     * MINIMUM_CHARGE_TOP_UP price the instrument's time, so they are instrument use; URGENT is paid
     * for the operator's staff re-planning their work to serve sooner, so it is a service fee.
     */
    public static ChargeKind of(QuoteLineCode code) {
        return code == QuoteLineCode.URGENT ? SERVICE_FEE : INSTRUMENT_USE;
    }
}
