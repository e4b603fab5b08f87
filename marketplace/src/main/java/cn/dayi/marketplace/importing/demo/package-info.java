/**
 * The {@code demo} catalogue format: a deterministic, lazily generated catalogue of Shenzhen
 * instruments calibrated to the published platform statistics (see {@code Calibration}).
 */
package cn.dayi.marketplace.importing.demo;
