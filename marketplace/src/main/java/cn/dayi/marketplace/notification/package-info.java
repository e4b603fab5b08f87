/**
 * Notifications: every state change of a service order reaches the people who need to know it, in
 * their in-app inbox and by e-mail (with an ICS calendar file for machine time), written in the
 * transaction that moves the order; the inbox (unread count, mark read) and an order's calendar file.
 */
package cn.dayi.marketplace.notification;
