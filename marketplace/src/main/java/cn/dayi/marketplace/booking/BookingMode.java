package cn.dayi.marketplace.booking;

/** Who runs the instrument during a booking. */
public enum BookingMode {
    /** 自主上机: the buyer's own trained person (needs a qualification; no register yet, so refused). */
    SELF_OPERATED,
    /** 代操作: the operator's staff run it for the buyer. */
    STAFF_OPERATED
}
