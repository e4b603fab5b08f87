/**
 * Revenue reports: the owner's (产权单位收益报表) — what its instruments earned per month and operator, its share
 * from the ledger — and the operator's (运营收益报表) — what the orders it served earned per month and instrument,
 * entrusted and own, its share (service fees included) beside the platform's, the owners' and the fiscal fund's;
 * both with hours used and utilisation against the 1,400 h/year standard, as pages with SVG charts, as JSON and as
 * CSV / XLSX / PDF downloads. {@code RevenueSource} reads the ledger and the orders for both.
 */
package cn.dayi.operator.revenue;
