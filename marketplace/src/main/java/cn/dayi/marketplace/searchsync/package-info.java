/** Keeps the search index in step with the catalogue: transactional outbox, drain, full rebuild. */
package cn.dayi.marketplace.searchsync;
