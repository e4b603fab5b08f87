package cn.dayi.operator.tariff;

import cn.dayi.marketplace.account.ActorResolver;
import cn.dayi.marketplace.tariff.GuidanceView;
import cn.dayi.marketplace.tariff.PricingGuidances;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Pricing guidance (统一定价) per national category (01..15): every buyer class's unit price must lie
 * in [floor, cap] × the tariff's cost basis; ratios in basis points (10,000 = 1 × cost).
 * <ul>
 *   <li>{@code GET /api/v1/pricing-guidance/{categoryCode}} — {@link GuidanceView} {@code {categoryCode,
 *       categoryName, floorBp, capBp, setBy, setAt}} (setBy null = the seeded placeholder); anyone (it is public policy)</li>
 *   <li>{@code PUT /api/v1/pricing-guidance/{categoryCode}} {@code {floorBp, capBp}} — a FISCAL_OFFICER or
 *       PLATFORM_ADMIN sets it; binds tariff versions published from then on</li>
 * </ul>
 * Errors: 401 {@code UNAUTHORIZED}; 403 {@code FORBIDDEN}; 404 {@code CATEGORY_NOT_FOUND}; 400
 * {@code INVALID_GUIDANCE} (floor below 0, cap below 10,000 bp, floor above cap), {@code MISSING_VALUE}.
 */
@Controller("/api/v1/pricing-guidance")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PricingGuidanceApiController {

    private final ActorResolver actors;
    private final PricingGuidances guidance;

    public PricingGuidanceApiController(ActorResolver actors, PricingGuidances guidance) {
        this.actors = actors;
        this.guidance = guidance;
    }

    /** The band to set, bp. */
    @Serdeable
    public record Band(@Nullable Integer floorBp, @Nullable Integer capBp) {
    }

    @Get("/{categoryCode}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public GuidanceView get(@PathVariable String categoryCode) {
        return guidance.get(categoryCode);
    }

    @Put("/{categoryCode}")
    public GuidanceView set(@Nullable Authentication auth, @PathVariable String categoryCode, @Body Band body) {
        return guidance.set(actors.require(auth), categoryCode, body.floorBp(), body.capBp());
    }
}
