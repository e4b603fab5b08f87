/**
 * Report exports: one {@link cn.dayi.marketplace.reporting.ReportTable} written as CSV (Commons CSV), XLSX (Apache POI)
 * or PDF (Apache PDFBox with a CJK TrueType font), so every revenue, utilisation and voucher report downloads the same
 * figures in the format a finance office asks for.
 */
package cn.dayi.marketplace.reporting;
