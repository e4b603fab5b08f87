/**
 * Card payments of service orders through Stripe (PaymentIntents in CNY with deterministic
 * idempotency keys, signature-checked webhooks applied exactly once, reconciliation against Stripe,
 * refunds); off, with a reason people can read, when Stripe is not configured.
 */
package cn.dayi.marketplace.payment;
