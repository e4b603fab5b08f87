package cn.dayi.marketplace.payment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A refund of a card-paid order.
 *
 * @param amountFen fen to return, 1 … what is still refundable; null = all that is still refundable (a full refund)
 * @param reason    why, 1–500 characters; the buyer and the operator read it
 */
@Serdeable
public record CardRefundRequest(@Nullable Long amountFen, @Nullable String reason) {
}
