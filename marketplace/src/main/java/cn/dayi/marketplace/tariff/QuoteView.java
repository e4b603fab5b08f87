package cn.dayi.marketplace.tariff;

import cn.dayi.pricing.quote.PriceQuote;
import cn.dayi.pricing.quote.QuoteLineCode;
import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.ChargeUnit;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A price quote an order can keep: which tariff version priced it, the itemised lines and the
 * total, which is always the sum of the lines. Pricing it again with the same tariff code,
 * version, buyer class, quantity, window and urgency gives the same quote.
 *
 * @param instrumentId  instrument quoted
 * @param tariffCode    tariff used
 * @param tariffVersion its version (the one in effect on {@code pricedOn})
 * @param pricedOn      the day whose tariff applies: the booking's first day, else today (Asia/Shanghai)
 * @param chargeUnit    unit of {@code quantity}
 * @param buyerClass    class priced
 * @param quantity      charge units
 * @param unitPriceFen  price of one unit, fen
 * @param lines         BASE, then VOLUME_DISCOUNT (negative), AFTER_HOURS, URGENT, MINIMUM_CHARGE_TOP_UP
 * @param totalFen      amount to pay, fen (= sum of the lines)
 * @param currency      CNY
 */
@Serdeable
public record QuoteView(long instrumentId, String tariffCode, int tariffVersion, LocalDate pricedOn,
                        ChargeUnit chargeUnit, BuyerClass buyerClass, BigDecimal quantity, long unitPriceFen,
                        List<Line> lines, long totalFen, String currency) {

    /**
     * One line of the quote.
     *
     * @param code      BASE, VOLUME_DISCOUNT, AFTER_HOURS, URGENT or MINIMUM_CHARGE_TOP_UP
     * @param labelZh   Chinese label with its figures
     * @param labelEn   English label with its figures
     * @param amountFen fen; negative only for VOLUME_DISCOUNT
     */
    @Serdeable
    public record Line(QuoteLineCode code, String labelZh, String labelEn, long amountFen) {
    }

    static QuoteView of(long instrumentId, LocalDate pricedOn, PriceQuote q) {
        return new QuoteView(instrumentId, q.tariffCode(), q.tariffVersion(), pricedOn, q.chargeUnit(), q.buyerClass(),
                q.quantity(), q.unitPriceFen(),
                q.lines().stream().map(l -> new Line(l.code(), l.labelZh(), l.labelEn(), l.amountFen())).toList(),
                q.totalFen(), "CNY");
    }
}
