/**
 * Shared helpers of the CSV-based catalogue formats: encoding detection, a lazy record reader on
 * Apache Commons CSV that turns broken lines into row problems, a field-length guard and header
 * normalisation.
 */
package cn.dayi.marketplace.importing.csv;
