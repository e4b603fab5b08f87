/** Database access helpers shared by the marketplace features. */
package cn.dayi.marketplace.db;
