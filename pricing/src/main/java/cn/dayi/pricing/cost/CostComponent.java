package cn.dayi.pricing.cost;

/**
 * The parts of an instrument's full cost, in the order they appear on a cost breakdown.
 * Source: Shenzhen proposal (seeds 003) §五(一): depreciation, staff, materials, operation and
 * maintenance; energy and facility overhead listed separately.
 */
public enum CostComponent {
    /** Straight-line depreciation of the original value net of residual value. */
    DEPRECIATION("折旧", "Depreciation"),
    /** Staff cost attributed to the instrument. */
    STAFF("人员费用", "Staff"),
    /** Operation and maintenance, service contracts. */
    MAINTENANCE("运行维护", "Operation and maintenance"),
    /** Electricity while running. */
    ENERGY("能耗", "Energy"),
    /** Room, air conditioning, gases, shared services. */
    FACILITY("场地及公共分摊", "Facility overhead"),
    /** Materials used per sample; appears only on the per-sample breakdown. */
    CONSUMABLES("耗材", "Consumables");

    private final String labelZh;
    private final String labelEn;

    CostComponent(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** @return the Chinese label, e.g. "折旧" */
    public String labelZh() {
        return labelZh;
    }

    /** @return the English label, e.g. "Depreciation" */
    public String labelEn() {
        return labelEn;
    }
}
