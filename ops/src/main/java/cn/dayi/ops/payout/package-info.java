/**
 * Payouts (结算付款) of approved settlement statements: the parties' payout accounts, the preparation that pays
 * each approved statement once (a Stripe Connect transfer, or a row of the bank payout file that finance marks paid)
 * and the ledger journal {@code PAYOUT:<id>} that empties the party's payable when the money leaves.
 */
package cn.dayi.ops.payout;
