/** Operators' side of innovation vouchers: redemption claims (兑付) on the fiscal fund. */
package cn.dayi.operator.voucher;
