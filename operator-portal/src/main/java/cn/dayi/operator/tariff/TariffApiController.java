package cn.dayi.operator.tariff;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.tariff.CostFigures;
import cn.dayi.marketplace.tariff.CostPreview;
import cn.dayi.marketplace.tariff.InstrumentCosts;
import cn.dayi.marketplace.tariff.NewTariff;
import cn.dayi.marketplace.tariff.QuoteView;
import cn.dayi.marketplace.tariff.SavedCost;
import cn.dayi.marketplace.tariff.ServiceItem;
import cn.dayi.marketplace.tariff.ServiceItems;
import cn.dayi.marketplace.tariff.TariffVersion;
import cn.dayi.marketplace.tariff.Tariffs;
import cn.dayi.marketplace.web.ApiException;
import cn.dayi.pricing.tariff.BuyerClass;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * Full-cost pricing of an instrument ({@code {id}} = numeric id or public code). Money is fen
 * (CNY minor units, {@code long}); rates are basis points (10,000 bp = 100 %); dates are
 * Asia/Shanghai days ({@code 2025-03-01}); instants ISO-8601 with offset.
 * <ul>
 *   <li>{@code GET /api/v1/instruments/{id}/cost} — {@link SavedCost} {@code {instrumentId, inputs, breakdown
 *       {hourly[{component,labelZh,labelEn,amountFen}], hourlyCostFen, perSample[…], perSampleCostFen, currency},
 *       setBy, setByName, setAt, version}}; the holding operator's staff</li>
 *   <li>{@code PUT /api/v1/instruments/{id}/cost} {@code {inputs: CostFigures, expectedVersion?}} — saves
 *       {@code {originalValueFen, residualRateBp, usefulLifeYears, annualStaffCostFen, annualMaintenanceFen,
 *       powerKw, electricityFenPerKwh, annualFacilityOverheadFen, consumablesPerSampleFen, samplesPerHour,
 *       expectedAnnualHours}} and answers the {@link SavedCost}; the holding operator's manager. A flat
 *       {@link CostFigures} body (without {@code inputs}) is accepted too.</li>
 *   <li>{@code POST /api/v1/instruments/{id}/cost/preview} {@code {inputs, chargeUnit?, academicMarkupBp?,
 *       commercialMarkupBp?}} — {@link CostPreview} {@code {breakdown, chargeUnit, costBasisFen,
 *       unitPrices{internalFen, academicExternalFen, commercialFen}, guidance{floorBp, capBp, floorFen, capFen,
 *       within, problem}}}; nothing saved (the live calculator); staff</li>
 *   <li>{@code GET /api/v1/instruments/{id}/tariffs} — every {@link TariffVersion} by code and version; anyone</li>
 *   <li>{@code POST /api/v1/instruments/{id}/tariffs} {@link NewTariff} — publishes a version → 201
 *       {@link TariffVersion}; the previous open version of the code ends the day before; manager</li>
 *   <li>{@code GET /api/v1/instruments/{id}/quote?tariff=&buyerClass=&quantity=&start=&end=&urgent=} —
 *       {@link QuoteView} {@code {tariffCode, tariffVersion, pricedOn, chargeUnit, buyerClass, quantity,
 *       unitPriceFen, lines[{code, labelZh, labelEn, amountFen}], totalFen, currency}}; anyone. Defaults:
 *       the "price from" tariff, COMMERCIAL, quantity 1, no window (today's version), not urgent.</li>
 *   <li>{@code GET /api/v1/instruments/{id}/service-items} — {@link ServiceItem}s (anyone);
 *       {@code POST} {@link ServiceItem.Body} → 201, {@code PUT …/service-items/{itemId}} (manager);
 *       {@code unitPriceFen: null} = on request (面议)</li>
 * </ul>
 * Errors (problem JSON, {@code code} and the field in {@code errors[]}): 401 {@code UNAUTHORIZED}; 403
 * {@code FORBIDDEN} (not the holding operator's staff/manager); 404 {@code INSTRUMENT_NOT_FOUND},
 * {@code COST_NOT_SET}, {@code TARIFF_NOT_FOUND}, {@code SERVICE_ITEM_NOT_FOUND}; 400 {@code MISSING_VALUE},
 * {@code INVALID_ORIGINAL_VALUE}, {@code INVALID_RESIDUAL_RATE}, {@code INVALID_USEFUL_LIFE},
 * {@code INVALID_ANNUAL_HOURS}, {@code NEGATIVE_COST}, {@code INVALID_SAMPLES_PER_HOUR}, {@code INVALID_MARKUP},
 * {@code INVALID_COST_BASIS}, {@code INVALID_VOLUME_BANDS}, {@code INVALID_QUANTITY}, {@code INVALID_TIME_WINDOW},
 * {@code NO_GUIDANCE_FOR_CATEGORY}, {@code TARIFF_CODE_INVALID}, {@code EFFECTIVE_FROM_IN_PAST},
 * {@code INVALID_PARAMETER}, {@code NAME_REQUIRED}, {@code NEGATIVE_PRICE}, {@code TURNAROUND_INVALID};
 * 422 {@code TARIFF_OUTSIDE_GUIDANCE} (the message gives the allowed range), {@code MARKUP_ORDER},
 * {@code COST_NOT_SET} (publishing without costs or a cost basis), {@code CHARGE_UNIT_CHANGED},
 * {@code NO_TARIFF_IN_EFFECT}; 409 {@code COST_CHANGED}, {@code TARIFF_VERSIONS_OVERLAP}, {@code TARIFF_CHANGED}.
 */
@Controller("/api/v1/instruments/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class TariffApiController {

    private final ActorResolver actors;
    private final InstrumentCosts costs;
    private final Tariffs tariffs;
    private final ServiceItems items;

    public TariffApiController(ActorResolver actors, InstrumentCosts costs, Tariffs tariffs, ServiceItems items) {
        this.actors = actors;
        this.costs = costs;
        this.tariffs = tariffs;
        this.items = items;
    }

    /**
     * Body of {@code PUT …/cost}: the figures under {@code inputs} (or flat), and the version the
     * editor started from ({@code expectedVersion}, optional: 409 {@code COST_CHANGED} when someone
     * saved in between).
     */
    @Serdeable
    public record CostUpdate(@Nullable CostFigures inputs, @Nullable Integer expectedVersion,
                             @Nullable Long originalValueFen, @Nullable Integer residualRateBp,
                             @Nullable Integer usefulLifeYears, @Nullable Long annualStaffCostFen,
                             @Nullable Long annualMaintenanceFen, @Nullable BigDecimal powerKw,
                             @Nullable Long electricityFenPerKwh, @Nullable Long annualFacilityOverheadFen,
                             @Nullable Long consumablesPerSampleFen, @Nullable BigDecimal samplesPerHour,
                             @Nullable Integer expectedAnnualHours) {

        CostFigures figures() {
            return inputs != null ? inputs : new CostFigures(originalValueFen, residualRateBp, usefulLifeYears,
                    annualStaffCostFen, annualMaintenanceFen, powerKw, electricityFenPerKwh, annualFacilityOverheadFen,
                    consumablesPerSampleFen, samplesPerHour, expectedAnnualHours);
        }
    }

    @Get("/cost")
    public SavedCost cost(@Nullable Authentication auth, @PathVariable String id) {
        return costs.get(actors.require(auth), id);
    }

    @Put("/cost")
    public SavedCost saveCost(@Nullable Authentication auth, @PathVariable String id, @Body CostUpdate body) {
        return costs.save(actors.require(auth), id, body.figures(), body.expectedVersion());
    }

    @Post("/cost/preview")
    public CostPreview preview(@Nullable Authentication auth, @PathVariable String id, @Body CostPreview.Request body) {
        return costs.preview(actors.require(auth), id, body);
    }

    @Get("/tariffs")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public List<TariffVersion> tariffs(@PathVariable String id) {
        return tariffs.versions(id);
    }

    @Post("/tariffs")
    public HttpResponse<TariffVersion> publish(@Nullable Authentication auth, @PathVariable String id,
                                               @Body NewTariff body) {
        return HttpResponse.created(tariffs.publish(actors.require(auth), id, body));
    }

    @Get("/quote")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public QuoteView quote(@PathVariable String id, @Nullable @QueryValue String tariff,
                           @Nullable @QueryValue String buyerClass, @Nullable @QueryValue String quantity,
                           @Nullable @QueryValue String start, @Nullable @QueryValue String end,
                           @Nullable @QueryValue Boolean urgent) {
        return tariffs.quote(id, tariff, buyerClass(buyerClass), quantity(quantity), instant("start", start),
                instant("end", end), urgent != null && urgent);
    }

    @Get("/service-items")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public List<ServiceItem> serviceItems(@PathVariable String id) {
        return items.of(id);
    }

    @Post("/service-items")
    public HttpResponse<ServiceItem> addServiceItem(@Nullable Authentication auth, @PathVariable String id,
                                                    @Body ServiceItem.Body body) {
        return HttpResponse.created(items.create(actors.require(auth), id, body));
    }

    @Put("/service-items/{itemId}")
    public ServiceItem changeServiceItem(@Nullable Authentication auth, @PathVariable String id,
                                         @PathVariable long itemId, @Body ServiceItem.Body body) {
        return items.update(actors.require(auth), id, itemId, body);
    }

    private static BuyerClass buyerClass(String text) {
        if (text == null || text.isBlank()) {
            return BuyerClass.COMMERCIAL;
        }
        try {
            return BuyerClass.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException.ValidationFailed("buyerClass", "INVALID_PARAMETER",
                    "buyerClass must be INTERNAL, ACADEMIC_EXTERNAL or COMMERCIAL, not '" + text + "'.");
        }
    }

    private static BigDecimal quantity(String text) {
        if (text == null || text.isBlank()) {
            return BigDecimal.ONE;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ApiException.ValidationFailed("quantity", "INVALID_PARAMETER",
                    "quantity must be a number of charge units, e.g. 2.5; not '" + text + "'.");
        }
    }

    private static ZonedDateTime instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ApiException.ValidationFailed(name, "INVALID_PARAMETER",
                    name + " must be an ISO-8601 date-time with offset, e.g. 2025-03-03T09:00:00+08:00; not '" + text + "'.");
        }
    }
}
