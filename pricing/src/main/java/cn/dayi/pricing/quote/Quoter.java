package cn.dayi.pricing.quote;

import cn.dayi.pricing.FenRounding;
import cn.dayi.pricing.Yuan;
import cn.dayi.pricing.tariff.ChargeUnit;
import cn.dayi.pricing.tariff.Tariff;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a {@link QuoteRequest}. Pure and deterministic: the same request gives the same quote.
 *
 * <p>Lines, each rounded to fen by {@link FenRounding} on its own:
 * <ol>
 *   <li>BASE = unit price of the buyer class × quantity;</li>
 *   <li>VOLUME_DISCOUNT = −(BASE × discount of the highest band reached), all-units;</li>
 *   <li>AFTER_HOURS = (BASE + discount) × after-hours share of the booking window × surcharge;
 *       the share is the part of the window outside 08:30–17:30 Mon–Fri Asia/Shanghai
 *       ({@link AfterHours}) divided by the window length, so a 4-hour booking from 16:30 pays
 *       the surcharge on 3 of its 4 hours;</li>
 *   <li>URGENT = (BASE + discount) × urgent surcharge, if urgent (surcharges do not compound);</li>
 *   <li>MINIMUM_CHARGE_TOP_UP = minimum charge − the sum so far, if the sum is below it.</li>
 * </ol>
 * The total is the sum of the lines, so it is never below the tariff's minimum charge.
 */
public final class Quoter {

    private Quoter() {
    }

    /**
     * @param request validated request
     * @return the quote
     * @throws cn.dayi.pricing.PricingException {@code AMOUNT_TOO_LARGE} if an amount exceeds a long
     */
    public static PriceQuote quote(QuoteRequest request) {
        Tariff tariff = request.tariff();
        ChargeUnit unit = tariff.chargeUnit();
        long unitPriceFen = tariff.unitPriceFen(request.buyerClass());
        String qty = request.quantity().stripTrailingZeros().toPlainString();
        List<QuoteLine> lines = new ArrayList<>();

        long base = FenRounding.toFen(BigDecimal.valueOf(unitPriceFen).multiply(request.quantity()));
        lines.add(new QuoteLine(QuoteLineCode.BASE,
                "基本费用：" + qty + " " + unit.labelZh() + " × " + Yuan.format(unitPriceFen) + " 元/" + unit.labelZh(),
                "Base charge: " + qty + " × " + Yuan.format(unitPriceFen) + " CNY per " + unit.labelEn(),
                base));

        int discountBp = tariff.volumeDiscountBp(request.quantity());
        long discount = FenRounding.toFen(FenRounding.applyBp(BigDecimal.valueOf(base), discountBp));
        if (discount > 0) {
            lines.add(new QuoteLine(QuoteLineCode.VOLUME_DISCOUNT,
                    "批量折扣 " + percent(discountBp), "Volume discount " + percent(discountBp), -discount));
        }
        BigDecimal discounted = BigDecimal.valueOf(base - discount);

        if (request.window().isPresent() && tariff.afterHoursSurchargeBp() > 0) {
            BookingWindow window = request.window().get();
            Duration after = AfterHours.within(window);
            BigDecimal share = FenRounding.divide(BigDecimal.valueOf(after.toNanos()),
                    BigDecimal.valueOf(window.length().toNanos()));
            long surcharge = FenRounding.toFen(
                    FenRounding.applyBp(discounted.multiply(share), tariff.afterHoursSurchargeBp()));
            if (surcharge > 0) {
                String pct = percent(tariff.afterHoursSurchargeBp());
                lines.add(new QuoteLine(QuoteLineCode.AFTER_HOURS,
                        "非工作时间附加费 " + pct + "（预约 " + window.length().toMinutes() + " 分钟中 "
                                + after.toMinutes() + " 分钟在非工作时间）",
                        "After-hours surcharge " + pct + " on " + after.toMinutes() + " of "
                                + window.length().toMinutes() + " booked minutes",
                        surcharge));
            }
        }

        if (request.urgent()) {
            long urgent = FenRounding.toFen(FenRounding.applyBp(discounted, tariff.urgentSurchargeBp()));
            if (urgent > 0) {
                String pct = percent(tariff.urgentSurchargeBp());
                lines.add(new QuoteLine(QuoteLineCode.URGENT, "加急费 " + pct, "Urgent surcharge " + pct, urgent));
            }
        }

        long sum = sum(lines);
        if (sum < tariff.minimumChargeFen()) {
            String min = Yuan.format(tariff.minimumChargeFen());
            lines.add(new QuoteLine(QuoteLineCode.MINIMUM_CHARGE_TOP_UP,
                    "补足最低收费 " + min + " 元", "Top-up to the minimum charge of " + min + " CNY",
                    tariff.minimumChargeFen() - sum));
        }

        return new PriceQuote(tariff.code(), tariff.version(), unit, request.buyerClass(), request.quantity(),
                unitPriceFen, lines, sum(lines));
    }

    private static long sum(List<QuoteLine> lines) {
        long sum = 0;
        for (QuoteLine line : lines) {
            sum = Math.addExact(sum, line.amountFen());
        }
        return sum;
    }

    /** 500 bp → "5%", 1,250 bp → "12.5%" (exact). */
    private static String percent(int bp) {
        return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
