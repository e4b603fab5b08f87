package cn.dayi.marketplace.catalogue;

/** Whether an instrument is open to outside users (共享方式). */
public enum SharingMode {
    /** 外部共享: open to external users */
    EXTERNAL,
    /** 内部共享: shared inside the owning organisation only */
    INTERNAL_ONLY,
    /** 不共享 */
    NOT_SHARED
}
