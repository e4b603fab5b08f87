package cn.dayi.marketplace.tariff;

import cn.dayi.marketplace.account.Actor;
import cn.dayi.marketplace.db.Jdbc;
import cn.dayi.marketplace.searchsync.SearchIndexer;
import cn.dayi.marketplace.searchsync.SearchOutbox;
import cn.dayi.marketplace.time.ClockFactory;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.pricing.PricingException;
import cn.dayi.pricing.cost.CostBreakdown;
import cn.dayi.pricing.cost.CostModel;
import cn.dayi.pricing.quote.BookingWindow;
import cn.dayi.pricing.quote.QuoteRequest;
import cn.dayi.pricing.quote.Quoter;
import cn.dayi.pricing.tariff.BuyerClass;
import cn.dayi.pricing.tariff.ChargeUnit;
import cn.dayi.pricing.tariff.GuidanceBand;
import cn.dayi.pricing.tariff.PricingGuidance;
import cn.dayi.pricing.tariff.Tariff;
import cn.dayi.pricing.tariff.TariffVersions;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tariff versions of an instrument: publish, list, quote.
 *
 * <p>Publishing (the holding operator's manager or a platform admin) validates the version with
 * the pricing module, checks every buyer class's unit price against the pricing guidance of the
 * instrument's national category, then, in one transaction, ends the previous open version of the
 * code on the day before the new one starts, inserts the new version and queues the instrument
 * for re-indexing (its "price from" may change). Any error leaves nothing saved.
 *
 * <p>Errors: 404 {@code INSTRUMENT_NOT_FOUND}, {@code TARIFF_NOT_FOUND}; 403 {@code FORBIDDEN};
 * 400 {@code TARIFF_CODE_INVALID}, {@code EFFECTIVE_FROM_IN_PAST}, {@code INVALID_QUANTITY},
 * {@code INVALID_TIME_WINDOW}, {@code NO_GUIDANCE_FOR_CATEGORY} and the other pricing codes;
 * 422 {@code TARIFF_OUTSIDE_GUIDANCE} (the message gives the allowed range), {@code MARKUP_ORDER},
 * {@code COST_NOT_SET}, {@code CHARGE_UNIT_CHANGED}, {@code NO_TARIFF_IN_EFFECT}; 409
 * {@code TARIFF_VERSIONS_OVERLAP} (must start after the latest version's first day),
 * {@code TARIFF_CHANGED} (published concurrently).
 */
@Singleton
public class Tariffs {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final Jdbc jdbc;
    private final TariffStore store;
    private final TariffAccess access;
    private final InstrumentCosts costs;
    private final PricesFrom pricesFrom;
    private final SearchOutbox outbox;
    private final SearchIndexer indexer;
    private final Clock clock;

    Tariffs(Jdbc jdbc, TariffStore store, TariffAccess access, InstrumentCosts costs, PricesFrom pricesFrom,
            SearchOutbox outbox, SearchIndexer indexer, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.access = access;
        this.costs = costs;
        this.pricesFrom = pricesFrom;
        this.outbox = outbox;
        this.indexer = indexer;
        this.clock = clock;
    }

    /** Publishes a new version of a tariff (version 1 for a new code); see the class comment. */
    public TariffVersion publish(Actor actor, String idOrCode, NewTariff body) {
        InstrumentRef instrument = access.instrument(idOrCode);
        access.requireManager(actor, instrument);
        NewTariff n = PricingException.require(body, "tariff");
        String code = n.code() == null ? "" : n.code().strip();
        if (!CODE.matcher(code).matches()) {
            throw new ApiException.ValidationFailed("code", "TARIFF_CODE_INVALID", "A tariff code is 1 to 64 letters, "
                    + "digits, '-' or '_', starting with a letter or digit, e.g. TEM-HOUR; got '" + code + "'.");
        }
        ChargeUnit unit = PricingException.require(n.chargeUnit(), "chargeUnit");
        LocalDate today = today();
        LocalDate from = n.effectiveFrom() == null ? today : n.effectiveFrom();
        if (from.isBefore(today)) {
            throw new ApiException.ValidationFailed("effectiveFrom", "EFFECTIVE_FROM_IN_PAST",
                    "A new price cannot start in the past (" + from + "); the earliest day is today, " + today + ".");
        }
        long basis;
        List<CostView.Line> lines = new ArrayList<>();
        if (n.costBasisFen() != null) {
            basis = n.costBasisFen();
        } else {
            SavedCost saved = costs.find(instrument.id()).orElseThrow(() -> new ApiException.RuleViolation(
                    HttpStatus.UNPROCESSABLE_ENTITY, "COST_NOT_SET", "Save the instrument's cost figures first "
                    + "(PUT …/cost), or give the cost basis of one " + unit.labelEn() + " as costBasisFen."));
            CostBreakdown breakdown = CostModel.costOf(saved.inputs().toInputs());
            basis = unit.costBasisFen(breakdown);
            if (unit.isTimeBased()) {
                breakdown.hourlyLines().forEach(l -> lines.add(CostView.Line.of(l.component(),
                        Math.multiplyExact(l.amountFen(), unit.hoursPerUnit()))));
            } else {
                breakdown.perSampleLines().forEach(l -> lines.add(CostView.Line.of(l)));
            }
        }
        Tariff draft = Tariff.builder().code(code).version(1).chargeUnit(unit).costBasisFen(basis)
                .academicMarkupBp(orZero(n.academicMarkupBp())).commercialMarkupBp(orZero(n.commercialMarkupBp()))
                .afterHoursSurchargeBp(orZero(n.afterHoursSurchargeBp())).urgentSurchargeBp(orZero(n.urgentSurchargeBp()))
                .minimumChargeFen(n.minimumChargeFen() == null ? 0 : n.minimumChargeFen())
                .effectiveFrom(from).build();
        List<NewTariff.Band> bands = n.volumeBands() == null ? List.of() : n.volumeBands();
        Tariff withBands = new Tariff(draft.code(), 1, unit, basis, draft.academicMarkupBp(), draft.commercialMarkupBp(),
                draft.afterHoursSurchargeBp(), draft.urgentSurchargeBp(), draft.minimumChargeFen(),
                bands.stream().map(b -> new cn.dayi.pricing.tariff.VolumeBand(
                        PricingException.require(b.fromQuantity(), "fromQuantity"), b.discountBp())).toList(),
                from, Optional.empty());
        GuidanceBand band = jdbc.read(c -> PricingGuidances.band(c, instrument.categoryCode()))
                .orElseThrow(() -> new PricingException(PricingException.Code.NO_GUIDANCE_FOR_CATEGORY, "categoryCode",
                        "Instrument " + instrument.code() + " has no national category with pricing guidance; "
                                + "it cannot be priced until it is classified."));
        new PricingGuidance(Map.of(instrument.categoryCode(), band)).check(instrument.categoryCode(), withBands);

        long id;
        try {
            id = jdbc.write(c -> {
                List<TariffVersion> existing = store.ofCodeForUpdate(c, instrument.id(), code);
                int version = 1;
                List<Tariff> all = new ArrayList<>();
                if (!existing.isEmpty()) {
                    TariffVersion latest = existing.get(existing.size() - 1);
                    if (latest.chargeUnit() != unit) {
                        throw new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "CHARGE_UNIT_CHANGED",
                                "Tariff " + code + " charges by " + latest.chargeUnit() + "; a new version cannot "
                                        + "change the unit to " + unit + ". Publish it under another code.");
                    }
                    if (!from.isAfter(latest.effectiveFrom())) {
                        throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "TARIFF_VERSIONS_OVERLAP",
                                "Version " + latest.version() + " of " + code + " starts on " + latest.effectiveFrom()
                                        + "; a new version must start on " + latest.effectiveFrom().plusDays(1)
                                        + " or later.");
                    }
                    if (latest.effectiveTo() == null || !latest.effectiveTo().isBefore(from)) {
                        TariffStore.close(c, latest.id(), from.minusDays(1));
                    }
                    version = latest.version() + 1;
                    for (TariffVersion v : existing) {
                        Tariff t = v.toTariff();
                        all.add(v.id() == latest.id() ? new Tariff(t.code(), t.version(), t.chargeUnit(),
                                t.costBasisFen(), t.academicMarkupBp(), t.commercialMarkupBp(), t.afterHoursSurchargeBp(),
                                t.urgentSurchargeBp(), t.minimumChargeFen(), t.volumeBands(), t.effectiveFrom(),
                                Optional.of(from.minusDays(1))) : t);
                    }
                }
                TariffVersion next = TariffStore.TariffVersionFactory.of(0, instrument.id(), code, version, unit, basis,
                        "CNY", withBands.academicMarkupBp(), withBands.commercialMarkupBp(),
                        withBands.afterHoursSurchargeBp(), withBands.urgentSurchargeBp(), withBands.minimumChargeFen(),
                        bands, lines, from, null, actor.personId(), clock.instant());
                all.add(next.toTariff());
                new TariffVersions(all); // one version per day, consistent numbers
                long newId = store.insert(c, next);
                outbox.enqueue(c, List.of(instrument.id()));
                return newId;
            });
        } catch (Jdbc.DataAccessFailure e) {
            if (e.violates("uq_tariff_version")) {
                throw new ApiException.RuleViolation(HttpStatus.CONFLICT, "TARIFF_CHANGED",
                        "Someone published a version of " + code + " a moment ago; reload and try again.");
            }
            throw e;
        }
        indexer.requestDrain();
        return versions(idOrCode).stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    }

    /** Every version of every tariff of the instrument, by code then version (public: prices are). */
    public List<TariffVersion> versions(String idOrCode) {
        InstrumentRef instrument = access.instrument(idOrCode);
        return jdbc.read(c -> store.ofInstrument(c, instrument.id()));
    }

    /** The versions of the instrument in effect today. */
    public List<TariffVersion> effectiveToday(long instrumentId) {
        LocalDate today = today();
        return jdbc.read(c -> store.effectiveOn(c, List.of(instrumentId), today));
    }

    /**
     * Prices a request with the version of {@code tariffCode} in effect on the window's first day
     * (Asia/Shanghai), or today without a window. Without a code, the tariff of the instrument's
     * "price from" for the class is used.
     *
     * @param quantity charge units, &gt; 0 (whole for SAMPLE and TEST_ITEM)
     * @param start    booking start, or null
     * @param end      booking end (exclusive), or null; both or neither
     */
    public QuoteView quote(String idOrCode, String tariffCode, BuyerClass buyerClass, BigDecimal quantity,
                           ZonedDateTime start, ZonedDateTime end, boolean urgent) {
        InstrumentRef instrument = access.instrument(idOrCode);
        if ((start == null) != (end == null)) {
            throw new PricingException(PricingException.Code.INVALID_TIME_WINDOW, start == null ? "start" : "end",
                    "Give both start and end of the booking, or neither.");
        }
        Optional<BookingWindow> window = start == null ? Optional.empty() : Optional.of(new BookingWindow(start, end));
        LocalDate on = window.map(w -> w.start().withZoneSameInstant(ClockFactory.SHANGHAI).toLocalDate())
                .orElseGet(this::today);
        BuyerClass bc = buyerClass == null ? BuyerClass.COMMERCIAL : buyerClass;
        List<TariffVersion> all = jdbc.read(c -> store.ofInstrument(c, instrument.id()));
        String code = tariffCode == null || tariffCode.isBlank()
                ? PricesFrom.lowest(all.stream().filter(v -> v.isEffectiveOn(on)).toList(), bc)
                .map(PriceFrom::tariffCode).orElseThrow(() -> new ApiException.RuleViolation(
                        HttpStatus.UNPROCESSABLE_ENTITY, "NO_TARIFF_IN_EFFECT", "Instrument " + instrument.code()
                        + " has no published price in effect on " + on + "; ask the operator (面议)."))
                : tariffCode.strip();
        List<TariffVersion> ofCode = all.stream().filter(v -> v.code().equals(code)).toList();
        if (ofCode.isEmpty()) {
            throw new ApiException.NotFound("TARIFF_NOT_FOUND",
                    "Instrument " + instrument.code() + " has no tariff '" + code + "'.");
        }
        TariffVersion version = ofCode.stream().filter(v -> v.isEffectiveOn(on)).findFirst()
                .orElseThrow(() -> new ApiException.RuleViolation(HttpStatus.UNPROCESSABLE_ENTITY, "NO_TARIFF_IN_EFFECT",
                        "Tariff " + code + " has no version in effect on " + on + "; the first one starts on "
                                + ofCode.get(0).effectiveFrom() + "."));
        var q = Quoter.quote(new QuoteRequest(version.toTariff(), bc,
                PricingException.require(quantity, "quantity"), window, urgent));
        return QuoteView.of(instrument.id(), on, q);
    }

    /** The "from" price of an instrument today for a class. */
    public Optional<PriceFrom> priceFrom(long instrumentId, BuyerClass buyerClass) {
        return pricesFrom.of(instrumentId, buyerClass);
    }

    /** Today in Asia/Shanghai. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ClockFactory.SHANGHAI));
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }
}
