package cn.dayi.pricing.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.Tariff;
import cn.dayi.pricing.tariff.TariffArbitraries;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class QuoterPropertiesTest {

    private static final ZonedDateTime YEAR_START = ZonedDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

    /** A quantity valid for the tariff's unit: whole for counted units, 0.01..500 otherwise. */
    private static Arbitrary<BigDecimal> quantities(Tariff t) {
        return t.chargeUnit().isCounted()
                ? Arbitraries.integers().between(1, 500).map(BigDecimal::valueOf)
                : Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("500")).ofScale(2);
    }

    /** Minute-aligned windows of 1 minute to 3 days starting anywhere in 2025, or none. */
    private static Arbitrary<Optional<BookingWindow>> windows() {
        return Combinators.combine(Arbitraries.integers().between(0, 365 * 24 * 60),
                        Arbitraries.integers().between(1, 3 * 24 * 60))
                .as((offset, length) -> {
                    ZonedDateTime start = YEAR_START.plusMinutes(offset);
                    return new BookingWindow(start, start.plusMinutes(length));
                })
                .optional(0.7);
    }

    @Provide
    Arbitrary<QuoteRequest> requests() {
        return TariffArbitraries.tariffs().flatMap(t -> Combinators.combine(
                Arbitraries.of(BuyerClass.class), quantities(t), windows(), Arbitraries.of(true, false))
                .as((buyer, qty, window, urgent) -> new QuoteRequest(t, buyer, qty, window, urgent)));
    }

    @Provide
    Arbitrary<QuoteRequest[]> requestPairsWithMoreQuantity() {
        return requests().flatMap(r -> quantities(r.tariff()).map(other -> {
            BigDecimal more = r.quantity().max(other);
            return new QuoteRequest[] {r, new QuoteRequest(r.tariff(), r.buyerClass(), more, r.window(), r.urgent())};
        }));
    }

    @Property
    void linesAlwaysAddUpToTheTotal(@ForAll("requests") QuoteRequest request) {
        PriceQuote quote = Quoter.quote(request);
        long sum = quote.lines().stream().mapToLong(QuoteLine::amountFen).sum();
        assertEquals(sum, quote.totalFen());
        assertEquals(QuoteLineCode.BASE, quote.lines().get(0).code());
        for (QuoteLine line : quote.lines()) {
            if (line.code() == QuoteLineCode.VOLUME_DISCOUNT) {
                assertTrue(line.amountFen() < 0, line::toString);
            } else if (line.code() != QuoteLineCode.BASE) {
                assertTrue(line.amountFen() > 0, line::toString);
            }
        }
    }

    @Property
    void moreQuantityNeverLowersTheBaseCharge(@ForAll("requestPairsWithMoreQuantity") QuoteRequest[] pair) {
        long less = Quoter.quote(pair[0]).amountFen(QuoteLineCode.BASE);
        long more = Quoter.quote(pair[1]).amountFen(QuoteLineCode.BASE);
        assertTrue(more >= less, () -> pair[1].quantity() + " costs " + more + " < " + less);
    }

    @Property
    void totalIsNeverBelowTheMinimumCharge(@ForAll("requests") QuoteRequest request) {
        PriceQuote quote = Quoter.quote(request);
        assertTrue(quote.totalFen() >= request.tariff().minimumChargeFen());
        boolean toppedUp = quote.line(QuoteLineCode.MINIMUM_CHARGE_TOP_UP).isPresent();
        if (toppedUp) {
            assertEquals(request.tariff().minimumChargeFen(), quote.totalFen(), "a top-up lands exactly on the minimum");
        }
    }

    @Property
    void theSameRequestGivesTheSameQuote(@ForAll("requests") QuoteRequest request) {
        QuoteRequest copy = new QuoteRequest(request.tariff(), request.buyerClass(),
                new BigDecimal(request.quantity().toPlainString()), request.window(), request.urgent());
        assertEquals(Quoter.quote(request), Quoter.quote(copy));
    }
}
