package cn.dayi.marketplace.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * A booking request.
 *
 * @param start                 first minute, ISO-8601 instant with offset (e.g. 2026-12-01T09:00:00+08:00)
 * @param end                   end, exclusive; both on the instrument's slot grid within one opening interval
 * @param mode                  STAFF_OPERATED (代操作) or SELF_OPERATED (自主上机: needs a qualification valid on the booked day)
 * @param note                  what the buyer wants done, up to 1,000 characters
 * @param buyerOrganisationId   the organisation ordering; may be left out when the person is BUYER_MEMBER of one only
 */
@Serdeable
public record NewBooking(@Nullable Instant start, @Nullable Instant end, @Nullable BookingMode mode,
                         @Nullable String note, @Nullable Long buyerOrganisationId) {
}
