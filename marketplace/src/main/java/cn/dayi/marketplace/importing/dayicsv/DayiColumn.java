package cn.dayi.marketplace.importing.dayicsv;

import java.util.Locale;

/**
 * The columns of the {@code dayi-csv} format, named as in the header row (matched
 * case-insensitively, ignoring spaces, underscores, hyphens and text in brackets, so
 * {@code "Original Value CNY (元)"} is {@code original_value_cny}). Order is free; other columns
 * are ignored. See {@code docs/import/formats.md} for units and accepted values.
 */
public enum DayiColumn {
    SOURCE_ID(true),
    NAME(true),
    NAME_EN(false),
    MODEL(false),
    MANUFACTURER(false),
    COUNTRY(false),
    ORIGINAL_VALUE_CNY(false),
    CURRENCY(false),
    PURCHASE_DATE(false),
    FUNDING_SOURCE(false),
    OWNER_NAME(true),
    OWNER_NAME_EN(false),
    OWNER_ID(false),
    OWNER_KIND(false),
    OWNER_DISTRICT(false),
    DISTRICT(false),
    ADDRESS(false),
    LAT(false),
    LON(false),
    CATEGORY(false),
    TECHNICAL_PARAMETERS(false),
    SAMPLE_REQUIREMENTS(false),
    SERVICE_DESCRIPTION(false),
    SHARING_MODE(false),
    STATUS(false),
    DEPARTMENT(false),
    CONTACT_NAME(false),
    CONTACT_PHONE(false),
    CONTACT_EMAIL(false),
    CONTACT_URL(false),
    PHOTO_URL(false);

    private final boolean required;

    DayiColumn(boolean required) {
        this.required = required;
    }

    /** The header as documented, e.g. {@code original_value_cny}. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the header row must have this column (and every row a value in it). */
    public boolean required() {
        return required;
    }
}
