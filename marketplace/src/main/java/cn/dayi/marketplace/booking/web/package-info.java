/** The buyer side of booking over HTTP: free time, booking, an order, cancelling, an organisation's orders. */
package cn.dayi.marketplace.booking.web;
