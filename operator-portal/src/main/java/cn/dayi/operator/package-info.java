/** Operator- and owner-facing API and pages: fleet, entrustments, (next) tariffs and orders. */
package cn.dayi.operator;
