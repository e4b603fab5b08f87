package cn.dayi.marketplace.voucher;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The voucher part of one order, as the buyer and the operator see it. Money is fen.
 *
 * @param state      NONE (no voucher applies), PREVIEW (not yet held: what checkout would hold now),
 *                   HELD (held at checkout), CAPTURED (spent at completion), RELEASED (given back)
 * @param voucherFen what the voucher pays (PREVIEW: would pay), fen
 * @param cashDueFen what is left to pay in cash, fen (= total − voucher held or captured; for a
 *                   PREVIEW, total − voucherFen)
 * @param subsidyFen a post-payment subsidy (先缴后补) recorded at completion, fen, or null
 * @param considered every grant of the buyer with what it would pay and, when nothing, why (reason
 *                   codes {@code NOT_THE_BUYERS, GRANT_EXPIRED, OUTSIDE_VALIDITY, REGION_NOT_ACCEPTED,
 *                   INSTRUMENT_NOT_ELIGIBLE, NOTHING_LEFT, SUBSIDY_AFTER_COMPLETION})
 */
@Serdeable
public record OrderVoucher(long orderId, long totalFen, String currency, String state, Long grantId, Long programmeId,
                           String programmeName, long voucherFen, long cashDueFen, Long subsidyFen,
                           List<Considered> considered) {

    /** One grant looked at. */
    @Serdeable
    public record Considered(long grantId, long programmeId, String programmeName, String programmeType,
                             long availableFen, long wouldPayFen, String whyNot) {
    }
}
