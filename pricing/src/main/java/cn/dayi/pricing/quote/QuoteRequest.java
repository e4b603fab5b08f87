package cn.dayi.pricing.quote;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.Tariff;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a buyer asks a price for.
 *
 * <p>The caller picks the tariff version (e.g. with
 * {@link cn.dayi.pricing.tariff.TariffVersions#effectiveOn}); the quote records which one.
 *
 * <p>Errors: {@link PricingException} {@code INVALID_QUANTITY} or {@code MISSING_VALUE}.
 *
 * @param tariff     tariff version to price with, not null
 * @param buyerClass who buys, not null
 * @param quantity   charge units, &gt; 0 (e.g. 2.5 hours); a whole number for SAMPLE and TEST_ITEM
 * @param window     booked time, for the after-hours surcharge; empty = no surcharge
 * @param urgent     true when the buyer asks for urgent service
 */
public record QuoteRequest(Tariff tariff, BuyerClass buyerClass, BigDecimal quantity,
                           Optional<BookingWindow> window, boolean urgent) {

    /** Validates the request. */
    public QuoteRequest {
        PricingException.require(tariff, "tariff");
        PricingException.require(buyerClass, "buyerClass");
        PricingException.require(quantity, "quantity");
        window = window == null ? Optional.empty() : window;
        if (quantity.signum() <= 0) {
            throw new PricingException(Code.INVALID_QUANTITY, "quantity",
                    "Quantity must be more than 0; got " + quantity.toPlainString() + ".");
        }
        if (tariff.chargeUnit().isCounted() && quantity.stripTrailingZeros().scale() > 0) {
            throw new PricingException(Code.INVALID_QUANTITY, "quantity",
                    "A quantity in " + tariff.chargeUnit().labelEn() + "s must be a whole number; got "
                            + quantity.toPlainString() + ".");
        }
    }

    /** @return a request without booking window, not urgent */
    public static QuoteRequest of(Tariff tariff, BuyerClass buyerClass, BigDecimal quantity) {
        return new QuoteRequest(tariff, buyerClass, quantity, Optional.empty(), false);
    }
}
