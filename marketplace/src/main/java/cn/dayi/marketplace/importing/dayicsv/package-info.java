/**
 * Dayi's own bulk CSV format ({@code dayi-csv}) for platforms and owners: one row per instrument
 * carrying every catalogue field, with the value parsers it needs (yuan amounts, dates,
 * countries, districts, enumerations in English or Chinese).
 */
package cn.dayi.marketplace.importing.dayicsv;
