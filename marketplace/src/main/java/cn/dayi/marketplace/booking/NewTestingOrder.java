package cn.dayi.marketplace.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * A testing-service order (送样检测) as the buyer submits it.
 *
 * @param buyerOrganisationId the ordering organisation; needed only when the buyer is a member of several
 * @param items               service items of the instrument with sample counts (1–10,000 each), at least one,
 *                            each item once
 * @param sampleDescription   what the samples are (material, form, number, hazards, storage), 1–2,000 characters
 * @param courier             courier (快递公司), optional; with {@code trackingNumber}, or later
 * @param trackingNumber      tracking number (运单号), optional
 * @param note                anything else for the operator, at most 1,000 characters
 */
@Serdeable
public record NewTestingOrder(@Nullable Long buyerOrganisationId, @Nullable List<Item> items,
                              @Nullable String sampleDescription, @Nullable String courier,
                              @Nullable String trackingNumber, @Nullable String note) {

    /** One service item and how many samples it is run on. */
    @Serdeable
    public record Item(@Nullable Long serviceItemId, @Nullable Integer sampleCount) {
    }
}
