package cn.dayi.marketplace.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An offline corporate bank transfer (对公转账) received for an order.
 *
 * @param amountFen the amount received, fen; must equal the order's total
 * @param reference the bank's transaction reference (流水号), 1–64 characters, used once
 */
@Serdeable
public record BankTransfer(@Nullable Long amountFen, @Nullable String reference) {
}
