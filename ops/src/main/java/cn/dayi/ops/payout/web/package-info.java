/** Payout accounts and payouts: the API, the form on the statements page and the platform admins' payout page. */
package cn.dayi.ops.payout.web;
