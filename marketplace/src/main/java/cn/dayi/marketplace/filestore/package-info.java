/**
 * The file store: uploaded files (test results, business licences) kept in a local folder, each
 * with its SHA-256 checked on every read and a content type detected from its bytes (Apache Tika).
 */
package cn.dayi.marketplace.filestore;
