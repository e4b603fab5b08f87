/** HTTP API of innovation vouchers for the fiscal officer and the buyer. */
package cn.dayi.marketplace.voucher.web;
