/**
 * Pure-Java pricing for shared large instruments: the error type and the one fen-rounding policy
 * shared by the cost model, tariffs, quotes and revenue splits in the sub-packages.
 */
package cn.dayi.pricing;
