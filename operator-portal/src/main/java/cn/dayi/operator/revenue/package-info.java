/**
 * Owner revenue reports (产权单位收益报表): what an owner's instruments earned per month and operator, the
 * owner's share from the ledger, the hours used and utilisation against the 1,400 h/year standard; as a
 * page with charts, as JSON and as CSV / XLSX / PDF downloads.
 */
package cn.dayi.operator.revenue;
