/**
 * Server-rendered catalogue pages (home, search results, instrument detail) in zh-CN with an
 * English switch; Thymeleaf views under {@code views/}, text from {@code i18n/messages*.properties}.
 */
package cn.dayi.marketplace.catalogue.web.pages;
