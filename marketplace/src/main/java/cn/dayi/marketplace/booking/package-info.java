/**
 * Machine-time booking (机时预约): opening hours, blackouts and the slot grid of an instrument, free
 * slots, service orders with one lifecycle table and an audit trail, slots held under a database key
 * so an instrument is never booked twice, offline bank transfers, hold expiry.
 */
package cn.dayi.marketplace.booking;
