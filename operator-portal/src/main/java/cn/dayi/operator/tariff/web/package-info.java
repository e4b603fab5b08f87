/** The operator's tariff editor page: cost figures with a live calculator, publishing, versions, service items. */
package cn.dayi.operator.tariff.web;
