package cn.dayi.marketplace.catalogue;

/** How an instrument was paid for (资金来源). */
public enum FundingSource {
    /** 中央财政资金 */
    CENTRAL_FISCAL,
    /** 地方财政资金 */
    LOCAL_FISCAL,
    /** 自筹 */
    SELF_FUNDED,
    /** 其他 */
    OTHER
}
