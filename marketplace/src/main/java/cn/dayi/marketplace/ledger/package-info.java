/**
 * The double-entry ledger (总账): accounts per party and purpose, balanced append-only journals
 * posted once per business key, reversing journals, balances and statements as queries; the
 * postings of orders (payment, completion with the revenue split, cancellation and no-show fees)
 * and refunds of paid orders.
 */
package cn.dayi.marketplace.ledger;
