package cn.dayi.marketplace.booking;

import cn.dayi.marketplace.filestore.StoredFile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A testing-service order (送样检测) with what only that kind has. Money is fen.
 *
 * @param order             the service order (kind TESTING; {@code start}, {@code end}, {@code mode} and
 *                          {@code quote} are null; {@code totalFen} is the sum of the priced lines)
 * @param lines             the quote: one line per service item, prices as when ordered or quoted
 * @param quotePending      true while some line is priced on request (面议) and not yet quoted: the
 *                          operator accepts with a quote, and the buyer then accepts or declines it
 * @param turnaroundDays    target in working days from receipt of the samples to the results (the
 *                          longest of the lines), null when no item says
 * @param sampleDescription what the buyer sends
 * @param shipping          courier and tracking number, null until given
 * @param samplesReceivedAt when the operator marked the samples received (UTC), or null
 * @param results           result files uploaded by the operator, oldest first
 */
@Serdeable
public record TestingOrder(ServiceOrder order, List<Line> lines, boolean quotePending, @Nullable Integer turnaroundDays,
                           String sampleDescription, @Nullable Shipping shipping, @Nullable Instant samplesReceivedAt,
                           List<StoredFile> results) {

    /**
     * One service item on the order.
     *
     * @param unitPriceFen fen per sample; null while on request and not quoted
     * @param lineTotalFen {@code unitPriceFen × sampleCount}; null with it
     */
    @Serdeable
    public record Line(long id, long serviceItemId, String itemName, int sampleCount, boolean onRequest,
                       @Nullable Long unitPriceFen, @Nullable Long lineTotalFen, @Nullable Integer turnaroundDays) {
    }

    /** How the samples travel; {@code givenAt} is when the buyer entered it (UTC). */
    @Serdeable
    public record Shipping(String courier, String trackingNumber, Instant givenAt) {
    }
}
