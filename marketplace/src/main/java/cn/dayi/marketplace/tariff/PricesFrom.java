package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.ChargeUnit;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Price from" ({@link PriceFrom}) of instruments on a day: for the detail page, and for the
 * search documents (COMMERCIAL, today in Asia/Shanghai).
 */
@Singleton
public class PricesFrom {

    private final Jdbc jdbc;
    private final TariffStore store;
    private final Clock clock;

    PricesFrom(Jdbc jdbc, TariffStore store, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
    }

    /** Today in Asia/Shanghai, the day whose tariffs are shown and indexed. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClockFactory.SHANGHAI));
    }

    /** The "from" price of each instrument that has one, read on {@code c}. */
    public Map<Long, PriceFrom> of(Connection c, Collection<Long> instrumentIds, LocalDate date, BuyerClass buyerClass)
            throws SQLException {
        Map<Long, List<TariffVersion>> byInstrument = store.effectiveOn(c, instrumentIds, date).stream()
                .collect(Collectors.groupingBy(TariffVersion::instrumentId));
        Map<Long, PriceFrom> out = new HashMap<>();
        byInstrument.forEach((id, versions) -> lowest(versions, buyerClass).ifPresent(p -> out.put(id, p)));
        return out;
    }

    /** The "from" price today of each of {@code instrumentIds} that has one. */
    public Map<Long, PriceFrom> today(Collection<Long> instrumentIds, BuyerClass buyerClass) {
        if (instrumentIds.isEmpty()) {
            return Map.of();
        }
        LocalDate today = today();
        return jdbc.read(c -> of(c, instrumentIds, today, buyerClass));
    }

    /** The "from" price of one instrument today. */
    public Optional<PriceFrom> of(long instrumentId, BuyerClass buyerClass) {
        LocalDate today = today();
        return Optional.ofNullable(jdbc.read(c -> of(c, List.of(instrumentId), today, buyerClass)).get(instrumentId));
    }

    /** The lowest unit price among HOUR versions, else among SAMPLE and TEST_ITEM versions. */
    static Optional<PriceFrom> lowest(List<TariffVersion> effective, BuyerClass buyerClass) {
        Optional<TariffVersion> best = cheapest(effective.stream().filter(t -> t.chargeUnit() == ChargeUnit.HOUR)
                .toList(), buyerClass);
        if (best.isEmpty()) {
            best = cheapest(effective.stream().filter(t -> t.chargeUnit().isCounted()).toList(), buyerClass);
        }
        return best.map(t -> new PriceFrom(t.unitPrices().of(buyerClass), t.chargeUnit(), buyerClass, t.code(),
                t.version()));
    }

    private static Optional<TariffVersion> cheapest(List<TariffVersion> versions, BuyerClass buyerClass) {
        return versions.stream().min(Comparator.comparingLong((TariffVersion t) -> t.unitPrices().of(buyerClass))
                .thenComparing(TariffVersion::code));
    }
}
