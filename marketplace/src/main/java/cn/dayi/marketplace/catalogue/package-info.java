/** The instrument catalogue: instruments, their owners, national categories and regions. */
package cn.dayi.marketplace.catalogue;
