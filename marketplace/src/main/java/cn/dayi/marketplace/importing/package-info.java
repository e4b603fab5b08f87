/** Catalogue import: one pipeline (validate, upsert by source key, report) and its input formats. */
package cn.dayi.marketplace.importing;
