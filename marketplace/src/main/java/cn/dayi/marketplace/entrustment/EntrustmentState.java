package cn.dayi.marketplace.entrustment;

/** Where an entrustment is in its life. Only {@link #ACTIVE} gives the operator custody. */
public enum EntrustmentState {
    /** 草稿: the operator is still writing it; only the operator sees it. */
    DRAFT,
    /** 待确认: sent to the owner, who accepts or declines. */
    PROPOSED,
    /** 生效: the owner accepted; the operator holds the instruments in custody. */
    ACTIVE,
    /** 已拒绝: the owner declined (with a reason). Final. */
    DECLINED,
    /** 已撤回: the operator withdrew it before acceptance. Final. */
    WITHDRAWN,
    /** 已到期: the term ended. Final. */
    EXPIRED,
    /** 已终止: ended early by either party (with a reason). Final. */
    TERMINATED;

    public boolean isFinal() {
        return this == DECLINED || this == WITHDRAWN || this == EXPIRED || this == TERMINATED;
    }
}
