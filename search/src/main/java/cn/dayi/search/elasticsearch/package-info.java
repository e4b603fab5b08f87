/**
 * Elasticsearch implementation of the search API: client wiring, the versioned index behind its
 * alias, the explicit mapping, query building (synonyms, phrase boosting, filters, facets) and health.
 */
package cn.dayi.search.elasticsearch;
