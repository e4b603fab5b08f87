/** HTTP API of card payments: start a payment, see it, refund it, and Stripe's webhook. */
package cn.dayi.marketplace.payment.web;
