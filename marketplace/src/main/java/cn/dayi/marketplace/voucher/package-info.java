/**
 * Innovation vouchers (创新券): programmes, quota granted to verified enterprises, the voucher part
 * of an order (held at checkout, captured at completion, released otherwise), expiry, and claims on
 * the fiscal fund (兑付 redemption, 先缴后补 subsidy).
 */
package cn.dayi.marketplace.voucher;
