package cn.dayi.pricing.quote;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.ChargeUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A priced offer that an order can keep: which tariff version and buyer class it came from, the
 * itemised lines and the total, which is always the sum of the lines.
 *
 * <p>Errors: {@link PricingException} {@code QUOTE_LINES_DO_NOT_SUM} or {@code MISSING_VALUE}.
 *
 * @param tariffCode    code of the tariff used
 * @param tariffVersion version of the tariff used
 * @param chargeUnit    unit of {@code quantity}
 * @param buyerClass    buyer class priced
 * @param quantity      charge units quoted
 * @param unitPriceFen  price of one unit for the buyer class, fen
 * @param lines         BASE first, then any of VOLUME_DISCOUNT, AFTER_HOURS, URGENT,
 *                      MINIMUM_CHARGE_TOP_UP (lines of 0 fen are left out)
 * @param totalFen      amount to pay, fen, = sum of {@code lines}
 */
public record PriceQuote(String tariffCode, int tariffVersion, ChargeUnit chargeUnit, BuyerClass buyerClass,
                         BigDecimal quantity, long unitPriceFen, List<QuoteLine> lines, long totalFen) {

    /** Checks that the lines add up to the total. */
    public PriceQuote {
        PricingException.require(tariffCode, "tariffCode");
        PricingException.require(chargeUnit, "chargeUnit");
        PricingException.require(buyerClass, "buyerClass");
        PricingException.require(quantity, "quantity");
        lines = List.copyOf(PricingException.require(lines, "lines"));
        long sum = 0;
        for (QuoteLine line : lines) {
            sum = Math.addExact(sum, line.amountFen());
        }
        if (sum != totalFen) {
            throw new PricingException(Code.QUOTE_LINES_DO_NOT_SUM, "totalFen",
                    "Quote lines add up to " + sum + " fen, not the total of " + totalFen + " fen.");
        }
    }

    /** @return the line of {@code code}, if the quote has one */
    public Optional<QuoteLine> line(QuoteLineCode code) {
        return lines.stream().filter(l -> l.code() == code).findFirst();
    }

    /** @return the amount of the line of {@code code} in fen, 0 if absent */
    public long amountFen(QuoteLineCode code) {
        return line(code).map(QuoteLine::amountFen).orElse(0L);
    }
}
