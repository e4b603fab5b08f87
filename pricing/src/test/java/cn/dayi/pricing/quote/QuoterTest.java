package cn.dayi.pricing.quote;

import static cn.dayi.pricing.quote.QuoteLineCode.AFTER_HOURS;
import static cn.dayi.pricing.quote.QuoteLineCode.BASE;
import static cn.dayi.pricing.quote.QuoteLineCode.MINIMUM_CHARGE_TOP_UP;
import static cn.dayi.pricing.quote.QuoteLineCode.URGENT;
import static cn.dayi.pricing.quote.QuoteLineCode.VOLUME_DISCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.PricingException.Code;
import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.ChargeUnit;
import cn.dayi.pricing.tariff.Tariff;
import cn.dayi.pricing.tariff.TariffArbitraries;
import cn.dayi.pricing.tariff.VolumeBand;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QuoterTest {

    /** TEM by the hour: at cost 271.43, +20 % academic, +150 % commercial, 50 % after hours, 30 % urgent. */
    static final Tariff TEM = TariffArbitraries.hourly(27_143).version(3)
            .academicMarkupBp(2_000).commercialMarkupBp(15_000)
            .afterHoursSurchargeBp(5_000).urgentSurchargeBp(3_000).minimumChargeFen(50_000)
            .volumeBand(VolumeBand.of(10, 500)).volumeBand(VolumeBand.of(40, 1_000)).build();

    private static Optional<BookingWindow> window(String start, String end) {
        return Optional.of(new BookingWindow(ZonedDateTime.parse(start), ZonedDateTime.parse(end)));
    }

    private static Arguments quoteCase(String name, QuoteRequest request, List<QuoteLineCode> codes,
                                       List<Long> amounts, long total) {
        return Arguments.of(name, request, codes, amounts, total);
    }

    static Stream<Arguments> quotes() {
        return Stream.of(
                quoteCase("commercial 2.5 h: 678.58 × 2.5",
                        QuoteRequest.of(TEM, BuyerClass.COMMERCIAL, new BigDecimal("2.5")),
                        List.of(BASE), List.of(169_645L), 169_645L),
                quoteCase("academic 12 h: 5 % volume discount",
                        QuoteRequest.of(TEM, BuyerClass.ACADEMIC_EXTERNAL, new BigDecimal("12")),
                        List.of(BASE, VOLUME_DISCOUNT), List.of(390_864L, -19_543L), 371_321L),
                quoteCase("internal 16:30–20:30 on a Wednesday: surcharge on 3 of 4 hours, 40,714.5 → 40,715",
                        new QuoteRequest(TEM, BuyerClass.INTERNAL, new BigDecimal("4"),
                                window("2025-03-05T16:30+08:00", "2025-03-05T20:30+08:00"), false),
                        List.of(BASE, AFTER_HOURS), List.of(108_572L, 40_715L), 149_287L),
                quoteCase("internal Saturday 2 h: wholly after hours",
                        new QuoteRequest(TEM, BuyerClass.INTERNAL, new BigDecimal("2"),
                                window("2025-03-08T09:00+08:00", "2025-03-08T11:00+08:00"), false),
                        List.of(BASE, AFTER_HOURS), List.of(54_286L, 27_143L), 81_429L),
                quoteCase("internal during working hours: no surcharge line",
                        new QuoteRequest(TEM, BuyerClass.INTERNAL, new BigDecimal("2"),
                                window("2025-03-05T09:00+08:00", "2025-03-05T11:00+08:00"), false),
                        List.of(BASE), List.of(54_286L), 54_286L),
                quoteCase("internal 2 h urgent: 30 %, 16,285.8 → 16,286",
                        new QuoteRequest(TEM, BuyerClass.INTERNAL, new BigDecimal("2"), Optional.empty(), true),
                        List.of(BASE, URGENT), List.of(54_286L, 16_286L), 70_572L),
                quoteCase("internal half an hour: topped up to the 500 元 minimum",
                        QuoteRequest.of(TEM, BuyerClass.INTERNAL, new BigDecimal("0.5")),
                        List.of(BASE, MINIMUM_CHARGE_TOP_UP), List.of(13_572L, 36_428L), 50_000L),
                quoteCase("commercial 12 h on a Saturday, urgent: surcharges on the discounted base, not compounded",
                        new QuoteRequest(TEM, BuyerClass.COMMERCIAL, new BigDecimal("12"),
                                window("2025-03-08T08:00+08:00", "2025-03-08T20:00+08:00"), true),
                        List.of(BASE, VOLUME_DISCOUNT, AFTER_HOURS, URGENT),
                        List.of(814_296L, -40_715L, 386_791L, 232_074L), 1_392_446L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotes")
    void quoteLinesAndTotal(String name, QuoteRequest request, List<QuoteLineCode> codes, List<Long> amounts,
                            long total) {
        PriceQuote quote = Quoter.quote(request);
        assertEquals(codes, quote.lines().stream().map(QuoteLine::code).toList());
        assertEquals(amounts, quote.lines().stream().map(QuoteLine::amountFen).toList());
        assertEquals(total, quote.totalFen());
    }

    @Test
    void quoteRecordsTariffVersionBuyerClassAndReadableLabels() {
        PriceQuote quote = Quoter.quote(new QuoteRequest(TEM, BuyerClass.ACADEMIC_EXTERNAL, new BigDecimal("12"),
                window("2025-03-05T16:30+08:00", "2025-03-06T04:30+08:00"), true));
        assertEquals("TEM-HOUR", quote.tariffCode());
        assertEquals(3, quote.tariffVersion());
        assertEquals(BuyerClass.ACADEMIC_EXTERNAL, quote.buyerClass());
        assertEquals(ChargeUnit.HOUR, quote.chargeUnit());
        assertEquals(32_572, quote.unitPriceFen());
        QuoteLine base = quote.line(BASE).orElseThrow();
        assertEquals("基本费用：12 小时 × 325.72 元/小时", base.labelZh());
        assertEquals("Base charge: 12 × 325.72 CNY per hour", base.labelEn());
        assertEquals("批量折扣 5%", quote.line(VOLUME_DISCOUNT).orElseThrow().labelZh());
        assertEquals("After-hours surcharge 50% on 660 of 720 booked minutes",
                quote.line(AFTER_HOURS).orElseThrow().labelEn());
        assertEquals("加急费 30%", quote.line(URGENT).orElseThrow().labelZh());
    }

    @Test
    void minimumTopUpIsLabelledWithTheMinimum() {
        PriceQuote quote = Quoter.quote(QuoteRequest.of(TEM, BuyerClass.INTERNAL, new BigDecimal("0.5")));
        assertEquals("Top-up to the minimum charge of 500.00 CNY",
                quote.line(MINIMUM_CHARGE_TOP_UP).orElseThrow().labelEn());
    }

    @Test
    void samplesAreCountedInWholeNumbers() {
        Tariff perSample = Tariff.builder().code("XRD-SAMPLE").chargeUnit(ChargeUnit.SAMPLE).costBasisFen(44_092)
                .effectiveFrom(LocalDate.of(2025, 1, 1)).build();
        assertEquals(132_276, Quoter.quote(QuoteRequest.of(perSample, BuyerClass.INTERNAL, new BigDecimal("3.00")))
                .totalFen());
        PricingException e = assertThrows(PricingException.class,
                () -> QuoteRequest.of(perSample, BuyerClass.INTERNAL, new BigDecimal("2.5")));
        assertEquals(Code.INVALID_QUANTITY, e.code());
        assertEquals("A quantity in samples must be a whole number; got 2.5.", e.getMessage());
    }

    @Test
    void badRequestsAreRejectedWithCodes() {
        assertEquals("Quantity must be more than 0; got 0.", assertThrows(PricingException.class,
                () -> QuoteRequest.of(TEM, BuyerClass.INTERNAL, BigDecimal.ZERO)).getMessage());
        assertEquals(Code.INVALID_TIME_WINDOW, assertThrows(PricingException.class,
                () -> window("2025-03-05T12:00+08:00", "2025-03-05T12:00+08:00")).code());
        assertEquals(Code.INVALID_TIME_WINDOW, assertThrows(PricingException.class,
                () -> window("2025-03-05T12:00+08:00", "2026-03-07T12:00+08:00")).code());
        assertEquals(Code.MISSING_VALUE, assertThrows(PricingException.class,
                () -> QuoteRequest.of(TEM, null, BigDecimal.ONE)).code());
    }

    @Test
    void aQuoteWhoseLinesDoNotAddUpCannotBeBuilt() {
        List<QuoteLine> lines = List.of(new QuoteLine(BASE, "基本费用", "Base", 100));
        PricingException e = assertThrows(PricingException.class, () -> new PriceQuote("TEM-HOUR", 1,
                ChargeUnit.HOUR, BuyerClass.INTERNAL, BigDecimal.ONE, 100, lines, 101));
        assertEquals(Code.QUOTE_LINES_DO_NOT_SUM, e.code());
    }
}
