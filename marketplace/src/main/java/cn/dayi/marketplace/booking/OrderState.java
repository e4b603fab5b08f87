package cn.dayi.marketplace.booking;

/**
 * Where a service order is in its life. Orders in {@link #holdsSlots()} states keep their slots;
 * the others have given them back (or, when {@link #COMPLETED}, used them).
 */
public enum OrderState {
    /** 待受理: the buyer booked; the slots are held until the operator answers or the hold lapses. */
    SUBMITTED,
    /**
     * 已受理: reserved. {@code ACCEPT} moves a SUBMITTED order straight to {@link #AWAITING_PAYMENT};
     * an order paid wholly by voucher goes from there to {@link #CONFIRMED} by the buyer's {@code
     * PAY_BY_VOUCHER} (the voucher is held at that moment), so it needs no stop here either.
     */
    ACCEPTED,
    /** 已拒绝: the operator declined, with a reason. Final; slots freed. */
    REJECTED,
    /** 待付款: accepted; the slots are held until paid or the hold lapses. */
    AWAITING_PAYMENT,
    /** 已确认: paid (bank transfer recorded, or wholly by voucher); the time is the buyer's. */
    CONFIRMED,
    /** 使用中: checked in at the instrument. */
    IN_SERVICE,
    /** 已完成: checked out. */
    COMPLETED,
    /** 已评价: reserved for reviews (a later issue). */
    REVIEWED,
    /** 已取消: the buyer cancelled (a fee may apply). Final; slots freed. */
    CANCELLED,
    /** 爽约: the buyer did not come. Final; slots freed. */
    NO_SHOW,
    /** 已失效: the hold lapsed unanswered or unpaid. Final; slots freed. */
    EXPIRED;

    /** True while the order holds its slots in {@code booking_slot}. */
    public boolean holdsSlots() {
        return this != REJECTED && this != CANCELLED && this != NO_SHOW && this != EXPIRED;
    }

    public boolean isFinal() {
        return this == REJECTED || this == COMPLETED || this == REVIEWED || this == CANCELLED || this == NO_SHOW
                || this == EXPIRED;
    }
}
