/**
 * Tariffs (收费标准): what one charge unit costs each buyer class, their dated versions, and the
 * fiscal authority's pricing guidance (floor and cap as ratios to cost) that tariffs must respect.
 */
package cn.dayi.pricing.tariff;
