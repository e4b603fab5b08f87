package cn.dayi.marketplace.tariff;

import cn.dayi.pricing.cost.CostBreakdown;
import cn.dayi.pricing.cost.CostComponent;
import cn.dayi.pricing.cost.CostLine;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A cost breakdown as the API shows it: rounded fen lines per machine-hour and per sample, each
 * total the sum of its lines (what a person adds up is what is shown).
 *
 * @param hourly           DEPRECIATION, STAFF, MAINTENANCE, ENERGY, FACILITY per machine-hour
 * @param hourlyCostFen    full cost of one machine-hour, fen
 * @param perSample        the hourly components per sample, then CONSUMABLES
 * @param perSampleCostFen full cost of one sample, fen
 * @param currency         CNY
 */
@Serdeable
public record CostView(List<Line> hourly, long hourlyCostFen, List<Line> perSample, long perSampleCostFen,
                       String currency) {

    /**
     * One line.
     *
     * @param component DEPRECIATION, STAFF, MAINTENANCE, ENERGY, FACILITY or CONSUMABLES
     * @param labelZh   e.g. 折旧
     * @param labelEn   e.g. Depreciation
     * @param amountFen fen per unit of the breakdown
     */
    @Serdeable
    public record Line(CostComponent component, String labelZh, String labelEn, long amountFen) {

        static Line of(CostLine l) {
            return new Line(l.component(), l.component().labelZh(), l.component().labelEn(), l.amountFen());
        }

        static Line of(CostComponent c, long amountFen) {
            return new Line(c, c.labelZh(), c.labelEn(), amountFen);
        }
    }

    /** The view of a breakdown. */
    public static CostView of(CostBreakdown b) {
        return new CostView(b.hourlyLines().stream().map(Line::of).toList(), b.hourlyCostFen(),
                b.perSampleLines().stream().map(Line::of).toList(), b.perSampleCostFen(), "CNY");
    }
}
