/**
 * Idempotency keys for money-moving requests: the first answer is stored and replayed to repeats;
 * a repeat while the first runs is 409, the same key with another payload 422.
 */
package cn.dayi.marketplace.idempotency;
