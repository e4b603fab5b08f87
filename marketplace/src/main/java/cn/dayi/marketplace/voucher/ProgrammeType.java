package cn.dayi.marketplace.voucher;

/** How a programme pays. */
public enum ProgrammeType {
    /** Deducted at checkout with no second filing (无感直兑, Zhejiang style); the operator claims it back (兑付). */
    STANDARD,
    /** 先缴后补 (Chongqing style): the buyer pays in full; a share (10–30%) is paid back after completion. */
    POST_PAYMENT_SUBSIDY
}
