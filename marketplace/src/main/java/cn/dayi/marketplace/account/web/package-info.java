/** Accounts over HTTP: tokens, "who am I", admin API for organisations and people, sign-in pages. */
package cn.dayi.marketplace.account.web;
