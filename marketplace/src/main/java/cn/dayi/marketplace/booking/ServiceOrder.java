package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.tariff.QuoteView;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A service order as the buyer and the operator see it. Times are UTC instants; money is fen.
 *
 * @param kind               MACHINE_TIME (testing orders later)
 * @param start              first minute booked
 * @param end                end of the booking, exclusive
 * @param quote              the price quote made at booking, kept unchanged (the price does not move
 *                           when the tariff does)
 * @param totalFen           amount to pay, fen (= {@code quote.totalFen})
 * @param holdExpiresAt      while SUBMITTED or AWAITING_PAYMENT: the order EXPIRES (slots freed) if not
 *                           answered / paid by then; else null
 * @param cancellationFeeFen what the buyer owes for cancelling, once cancelled; else null
 * @param cancellation       the cancellation terms now (null once final)
 * @param payment            the recorded bank transfer, or null
 * @param history            every transition, oldest first (null in lists)
 */
@Serdeable
public record ServiceOrder(long id, String kind, OrderState state, BookingMode mode, Ref instrument, Ref operator,
                           Ref buyerOrganisation, Ref buyerPerson, Instant start, Instant end, String note,
                           QuoteView quote, long totalFen, String currency, Instant holdExpiresAt,
                           Long cancellationFeeFen, CancellationPolicy.Terms cancellation, Payment payment,
                           List<HistoryEntry> history, int version) {

    /** A thing referred to by id, with a code (instruments) and a name. */
    @Serdeable
    public record Ref(long id, String code, String name) {
    }

    /** An offline bank transfer recorded against the order. */
    @Serdeable
    public record Payment(String method, long amountFen, String currency, String reference, long recordedBy,
                          Instant recordedAt) {
    }

    /** One transition of the audit trail; {@code actorName} is null for the scheduler. */
    @Serdeable
    public record HistoryEntry(String event, OrderState from, OrderState to, Long actorPersonId, String actorName,
                               String reason, Instant at) {
    }
}
