package cn.dayi.pricing.split;

/**
 * Who takes a share of revenue. Source: Shenzhen proposal (seeds 003) §六(二), fig. 6-4: rent
 * of entrusted fiscal-funded instruments goes partly to the owner, partly back to the fiscal
 * fund; service fees are the operator's; the platform account carries the flow.
 */
public enum Party {
    /** 产权所有方: the instrument's owner (university, institute, ...). */
    OWNER("产权所有方", "Owner"),
    /** 财政: the fiscal fund, which pays buyer subsidies. */
    FISCAL_FUND("财政资金", "Fiscal fund"),
    /** 仪器服务机构: the operator that runs the instrument. */
    OPERATOR("仪器服务机构", "Operator"),
    /** 平台: the sharing platform. */
    PLATFORM("平台", "Platform");

    private final String labelZh;
    private final String labelEn;

    Party(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    /** @return Chinese label */
    public String labelZh() {
        return labelZh;
    }

    /** @return English label */
    public String labelEn() {
        return labelEn;
    }
}
