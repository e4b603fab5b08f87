package cn.dayi.pricing;

import java.util.Objects;
import java.util.Optional;

/**
 * The one error type of the pricing module: an input or a rule was violated.
 *
 * <p>Shape: a stable machine-readable {@link #code()} (callers map it to HTTP problem details and
 * must not parse the message), a message a person understands (e.g. {@code "Useful life must be
 * at least 1 year; got 0."}) and, when one input field is to blame, its name in {@link #field()}
 * (the Java component name, e.g. {@code "usefulLifeYears"}).
 */
public final class PricingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Stable error codes; names never change once published. */
    public enum Code {
        /** Original value (原值) is zero or negative. */
        INVALID_ORIGINAL_VALUE,
        /** Residual rate is outside 0..10,000 bp. */
        INVALID_RESIDUAL_RATE,
        /** Useful life is zero or negative years. */
        INVALID_USEFUL_LIFE,
        /** Expected annual hours outside 1..8,784 (a leap year of 24 h days). */
        INVALID_ANNUAL_HOURS,
        /** A cost, price or amount that must not be negative is negative; the field is named. */
        NEGATIVE_COST,
        /** Samples per hour is zero or negative. */
        INVALID_SAMPLES_PER_HOUR,
        /** A required value is missing (null); the field is named. */
        MISSING_VALUE,
        /** Markups are not ordered internal (0) ≤ academic external ≤ commercial. */
        MARKUP_ORDER,
        /** A surcharge is negative, or a markup or surcharge exceeds 1,000,000 bp (100 × cost). */
        INVALID_MARKUP,
        /** Cost basis of a tariff is zero or negative. */
        INVALID_COST_BASIS,
        /** Volume-discount bands are not ascending, their discounts decrease, or reach 100 %. */
        INVALID_VOLUME_BANDS,
        /** A tariff ends before it starts. */
        INVALID_EFFECTIVE_RANGE,
        /** A tariff's version number is below 1. */
        INVALID_TARIFF_VERSION,
        /** Two versions of one tariff are effective on the same day. */
        TARIFF_VERSIONS_OVERLAP,
        /** Two versions of one tariff carry the same version number or another tariff's code. */
        TARIFF_VERSIONS_INCONSISTENT,
        /** Pricing guidance itself is malformed (floor above cap, cap below cost, ...). */
        INVALID_GUIDANCE,
        /** No pricing guidance is set for the requested national category. */
        NO_GUIDANCE_FOR_CATEGORY,
        /** A buyer class's unit price is below the guidance floor or above its cap. */
        TARIFF_OUTSIDE_GUIDANCE,
        /** Quantity is zero, negative, or fractional for a counted unit (samples, test items). */
        INVALID_QUANTITY,
        /** Booking window is half given, ends before it starts, or is longer than 366 days. */
        INVALID_TIME_WINDOW,
        /** Quote lines do not add up to the quote total. */
        QUOTE_LINES_DO_NOT_SUM,
        /** Revenue-split shares do not add up to exactly 10,000 bp. */
        SPLIT_NOT_10000,
        /** A revenue-split share is outside 0..10,000 bp, or a party appears twice. */
        INVALID_SHARE,
        /** An amount does not fit in a {@code long} of fen. */
        AMOUNT_TOO_LARGE
    }

    private final Code code;
    private final String field;

    /**
     * @param code    stable code, not null
     * @param message human-readable message, not null
     */
    public PricingException(Code code, String message) {
        this(code, null, message);
    }

    /**
     * @param code    stable code, not null
     * @param field   name of the offending input field, or null when no single field is to blame
     * @param message human-readable message, not null
     */
    public PricingException(Code code, String field, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /** @return the stable error code */
    public Code code() {
        return code;
    }

    /** @return the offending input field's name, if one field is to blame */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /**
     * Throws {@link Code#MISSING_VALUE} when {@code value} is null.
     *
     * @return {@code value}
     */
    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new PricingException(Code.MISSING_VALUE, field, "A value for " + field + " is required.");
        }
        return value;
    }
}
