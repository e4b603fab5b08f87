/**
 * Full-cost model of one instrument (depreciation, staff, maintenance, energy, facility overhead
 * per hour; plus consumables per sample), after the Shenzhen proposal §五(一).
 */
package cn.dayi.pricing.cost;
