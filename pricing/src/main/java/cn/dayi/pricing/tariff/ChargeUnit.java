package cn.dayi.pricing.tariff;

import cn.dayi.pricing.cost.CostBreakdown;

/**
 * The unit a tariff charges by: machine time (hour, half-day, day of rental) or counted work
 * (sample, test item).
 *
 * <p>Cost basis from a {@link CostBreakdown}: HOUR = the hourly cost; HALF_DAY = 4 × the hourly
 * cost; DAY = 8 × the hourly cost (a working day of 8 machine-hours, so renting by the half-day or
 * day costs the same per hour as by the hour; discounts belong in markups or volume bands);
 * SAMPLE and TEST_ITEM = the per-sample cost (a test item that needs a different basis is given
 * its own {@code costBasisFen} on the tariff). Source of the units: domain glossary (per hour,
 * half-day, day, per sample or per test item).
 */
public enum ChargeUnit {
    /** One machine-hour (机时). */
    HOUR(1, "小时", "hour"),
    /** Half a day of rental: 4 machine-hours. */
    HALF_DAY(4, "半天", "half-day"),
    /** One day of rental: 8 machine-hours. */
    DAY(8, "天", "day"),
    /** One sample submitted for testing (送样). */
    SAMPLE(0, "样", "sample"),
    /** One test item (检测项目) on one sample. */
    TEST_ITEM(0, "项", "test item");

    private final int hoursPerUnit;
    private final String labelZh;
    private final String labelEn;

    ChargeUnit(int hoursPerUnit, String labelZh, String labelEn) {
        this.hoursPerUnit = hoursPerUnit;
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** @return machine-hours in one unit (1, 4, 8), or 0 for counted units */
    public int hoursPerUnit() {
        return hoursPerUnit;
    }

    /** @return true for HOUR, HALF_DAY and DAY */
    public boolean isTimeBased() {
        return hoursPerUnit > 0;
    }

    /** @return true for SAMPLE and TEST_ITEM, which are counted in whole numbers */
    public boolean isCounted() {
        return hoursPerUnit == 0;
    }

    /** @return Chinese unit label for "元/…", e.g. "小时" */
    public String labelZh() {
        return labelZh;
    }

    /** @return English unit label, e.g. "hour" */
    public String labelEn() {
        return labelEn;
    }

    /**
     * @param cost the instrument's full cost
     * @return full cost of one unit in fen, as documented on this enum
     * @throws ArithmeticException if the product exceeds a long (not for realistic costs)
     */
    public long costBasisFen(CostBreakdown cost) {
        return isTimeBased() ? Math.multiplyExact(cost.hourlyCostFen(), hoursPerUnit) : cost.perSampleCostFen();
    }
}
