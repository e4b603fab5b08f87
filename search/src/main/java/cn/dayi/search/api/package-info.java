/** Public API of the search module: documents, queries and results of the instrument index. */
package cn.dayi.search.api;
