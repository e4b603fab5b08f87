/**
 * Monthly settlement runs: one statement per party (operator, owner) and period, written
 * idempotently and resumably from a {@link cn.dayi.ops.settlement.SettlementSource} (completed
 * orders today; the ledger later).
 */
package cn.dayi.ops.settlement;
