package cn.dayi.pricing.cost;

import cn.dayi.pricing.FenRounding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Computes an instrument's full cost from {@link CostInputs}.
 *
 * <p>Per machine-hour (annual amounts are spread over {@code expectedAnnualHours}):
 * <ul>
 *   <li>DEPRECIATION = original × (1 − residual) / useful life / hours (straight line);
 *       e.g. a 4,000,000 CNY TEM, 5 % residual, 10 years, 1,400 h → 271.43 CNY per hour;</li>
 *   <li>STAFF = annual staff cost / hours; MAINTENANCE = annual maintenance / hours;</li>
 *   <li>ENERGY = kW × fen per kWh; FACILITY = annual facility overhead / hours.</li>
 * </ul>
 * Per sample: each hourly component / samples per hour, plus CONSUMABLES per sample.
 * Exact values stay inside this package; lines are rounded once by {@link FenRounding}.
 * Source: Shenzhen proposal (seeds 003) §五(一), full-cost accounting.
 */
public final class CostModel {

    private CostModel() {
    }

    /**
     * @param inputs validated cost inputs, not null
     * @return rounded hourly and per-sample lines
     * @throws cn.dayi.pricing.PricingException {@code AMOUNT_TOO_LARGE} if a line exceeds a long
     */
    public static CostBreakdown costOf(CostInputs inputs) {
        Map<CostComponent, BigDecimal> hourly = exactHourly(inputs);
        Map<CostComponent, BigDecimal> perSample = exactPerSample(inputs);
        return new CostBreakdown(round(hourly), round(perSample));
    }

    /** Exact per-hour components, in {@link CostComponent} order (CONSUMABLES absent). */
    static Map<CostComponent, BigDecimal> exactHourly(CostInputs in) {
        BigDecimal hours = BigDecimal.valueOf(in.expectedAnnualHours());
        BigDecimal depreciable = FenRounding.applyBp(BigDecimal.valueOf(in.originalValueFen()),
                10_000L - in.residualRateBp());
        Map<CostComponent, BigDecimal> m = new EnumMap<>(CostComponent.class);
        m.put(CostComponent.DEPRECIATION, FenRounding.divide(depreciable,
                hours.multiply(BigDecimal.valueOf(in.usefulLifeYears()))));
        m.put(CostComponent.STAFF, FenRounding.divide(BigDecimal.valueOf(in.annualStaffCostFen()), hours));
        m.put(CostComponent.MAINTENANCE, FenRounding.divide(BigDecimal.valueOf(in.annualMaintenanceFen()), hours));
        m.put(CostComponent.ENERGY, in.powerKw().multiply(BigDecimal.valueOf(in.electricityFenPerKwh())));
        m.put(CostComponent.FACILITY, FenRounding.divide(BigDecimal.valueOf(in.annualFacilityOverheadFen()), hours));
        return m;
    }

    /** Exact per-sample components: hourly ones / samples per hour, then CONSUMABLES. */
    static Map<CostComponent, BigDecimal> exactPerSample(CostInputs in) {
        Map<CostComponent, BigDecimal> m = new EnumMap<>(CostComponent.class);
        exactHourly(in).forEach((c, v) -> m.put(c, FenRounding.divide(v, in.samplesPerHour())));
        m.put(CostComponent.CONSUMABLES, BigDecimal.valueOf(in.consumablesPerSampleFen()));
        return m;
    }

    private static List<CostLine> round(Map<CostComponent, BigDecimal> exact) {
        List<CostLine> lines = new ArrayList<>();
        exact.forEach((c, v) -> lines.add(new CostLine(c, FenRounding.toFen(v))));
        return lines;
    }
}
