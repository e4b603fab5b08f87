/**
 * Price quotes: turns a tariff, a buyer class, a quantity, an optional booking window and an
 * urgent flag into itemised lines (base, volume discount, after-hours, urgent, minimum top-up)
 * whose sum is the total.
 */
package cn.dayi.pricing.quote;
