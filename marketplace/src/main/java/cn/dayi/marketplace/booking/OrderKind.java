package cn.dayi.marketplace.booking;

/** The two kinds of service order; both share {@code service_order} and {@link OrderLifecycle#TABLE}. */
public enum OrderKind {
    /** 机时预约: time on the instrument, held slot by slot. */
    MACHINE_TIME,
    /** 送样检测: the buyer sends samples, the operator runs service items and delivers result files. */
    TESTING
}
