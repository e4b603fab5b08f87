/**
 * Machine-time booking (机时预约): opening hours, blackouts and the slot grid of an instrument, free
 * slots, service orders with one lifecycle table and an audit trail, slots held under a database key
 * so an instrument is never booked twice, offline bank transfers, hold expiry ({@code Bookings.expireDue},
 * run every minute by the ops module's Quartz job).
 */
package cn.dayi.marketplace.booking;
