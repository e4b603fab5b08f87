package cn.dayi.search.api;

/**
 * Original-value bands of the Yangtze-belt survey (002, tables 1–6), plus one below it.
 * Bounds in fen; lower bound inclusive, upper exclusive.
 */
public enum ValueBand {
    /** below 500,000 CNY */
    UNDER_500K("lt500k", 0L, 50_000_000L),
    /** 500,000 – 2,000,000 CNY */
    FROM_500K_TO_2M("500k-2m", 50_000_000L, 200_000_000L),
    /** 2,000,000 – 5,000,000 CNY */
    FROM_2M_TO_5M("2m-5m", 200_000_000L, 500_000_000L),
    /** 5,000,000 – 8,000,000 CNY */
    FROM_5M_TO_8M("5m-8m", 500_000_000L, 800_000_000L),
    /** 8,000,000 CNY and above */
    OVER_8M("gt8m", 800_000_000L, Long.MAX_VALUE);

    private final String code;
    private final long fromFen;
    private final long toFen;

    ValueBand(String code, long fromFen, long toFen) {
        this.code = code;
        this.fromFen = fromFen;
        this.toFen = toFen;
    }

    /** Stable code used in documents, filters and URLs. */
    public String code() {
        return code;
    }

    /** The band of a CNY value in fen; null for null. */
    public static String codeOf(Long valueFen) {
        if (valueFen == null) {
            return null;
        }
        for (ValueBand b : values()) {
            if (valueFen >= b.fromFen && valueFen < b.toFen) {
                return b.code;
            }
        }
        return null;
    }
}
