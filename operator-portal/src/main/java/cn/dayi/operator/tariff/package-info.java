/** The pricing API: cost figures and breakdowns, tariff versions, quotes, service items and pricing guidance. */
package cn.dayi.operator.tariff;
