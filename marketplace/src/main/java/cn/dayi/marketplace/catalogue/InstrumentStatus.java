package cn.dayi.marketplace.catalogue;

/** Operational status of an instrument. */
public enum InstrumentStatus {
    IN_SERVICE, UNDER_MAINTENANCE, OUT_OF_SERVICE, RETIRED
}
