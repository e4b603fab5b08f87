/**
 * The fiscal report (财政资金报表) for the fiscal authority: voucher spend by programme, region and instrument
 * category, the fiscal fund's share of revenue from the ledger by month, and the reimbursements due on voucher
 * claims; as a page ({@code /fiscal/report}, beside the fiscal voucher page), JSON and CSV / XLSX / PDF downloads of
 * each table. It reads the voucher and ledger tables with queries of its own and changes nothing.
 */
package cn.dayi.marketplace.fiscal;
