/** HTTP side of notifications: the inbox API and page, an order's calendar file, the unread count in the page header. */
package cn.dayi.marketplace.notification.web;
