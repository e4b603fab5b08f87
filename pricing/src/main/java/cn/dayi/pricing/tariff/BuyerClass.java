package cn.dayi.pricing.tariff;

/**
 * Who buys, which decides the markup over cost. Source: Shenzhen proposal (seeds 003) §五(一):
 * internal sharing is priced non-profit with fair apportionment (at cost); external sharing may
 * follow higher market rates.
 */
public enum BuyerClass {
    /** The owner's own users: at cost, never marked up. */
    INTERNAL("校内/单位内部", "Internal"),
    /** Universities and institutes from outside: cost plus a moderate markup. */
    ACADEMIC_EXTERNAL("外部科研单位", "Academic external"),
    /** Enterprises: market rate, at least the academic external price. */
    COMMERCIAL("企业", "Commercial");

    private final String labelZh;
    private final String labelEn;

    BuyerClass(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** @return true for the external classes (ACADEMIC_EXTERNAL, COMMERCIAL) */
    public boolean isExternal() {
        return this != INTERNAL;
    }

    /** @return Chinese label */
    public String labelZh() {
        return labelZh;
    }

    /** @return English label, capitalised, e.g. "Commercial" */
    public String labelEn() {
        return labelEn;
    }
}
