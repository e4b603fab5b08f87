package cn.dayi.pricing.cost;

import cn.dayi.pricing.PricingException;
import java.util.List;

/**
 * An instrument's full cost per machine-hour and per sample, as rounded fen lines.
 *
 * <p>Each line is rounded on its own by {@link cn.dayi.pricing.FenRounding}; the totals are the
 * sums of the rounded lines, so what a person adds up on the breakdown is always the total shown.
 * (The total can therefore differ by a few fen from rounding the exact total once.)
 *
 * @param hourlyLines    per machine-hour: DEPRECIATION, STAFF, MAINTENANCE, ENERGY, FACILITY
 * @param perSampleLines per sample: the hourly components divided by samples per hour, then
 *                       CONSUMABLES
 */
public record CostBreakdown(List<CostLine> hourlyLines, List<CostLine> perSampleLines) {

    /** Copies the lists; throws {@link PricingException} {@code MISSING_VALUE} on null. */
    public CostBreakdown {
        hourlyLines = List.copyOf(PricingException.require(hourlyLines, "hourlyLines"));
        perSampleLines = List.copyOf(PricingException.require(perSampleLines, "perSampleLines"));
    }

    /** @return full cost of one machine-hour in fen (sum of {@link #hourlyLines()}) */
    public long hourlyCostFen() {
        return sum(hourlyLines);
    }

    /** @return full cost of one sample in fen (sum of {@link #perSampleLines()}) */
    public long perSampleCostFen() {
        return sum(perSampleLines);
    }

    /** @return the hourly line of {@code component} in fen, 0 if absent */
    public long hourlyFen(CostComponent component) {
        return find(hourlyLines, component);
    }

    /** @return the per-sample line of {@code component} in fen, 0 if absent */
    public long perSampleFen(CostComponent component) {
        return find(perSampleLines, component);
    }

    private static long sum(List<CostLine> lines) {
        long total = 0;
        for (CostLine line : lines) {
            total = Math.addExact(total, line.amountFen());
        }
        return total;
    }

    private static long find(List<CostLine> lines, CostComponent component) {
        return lines.stream().filter(l -> l.component() == component).mapToLong(CostLine::amountFen)
                .findFirst().orElse(0);
    }
}
