/**
 * Full-cost pricing of instruments: cost inputs and their breakdown, tariff versions checked
 * against the fiscal authority's pricing guidance, price quotes, "price from" for buyers, and
 * service items (检测项目).
 */
package cn.dayi.marketplace.tariff;
