/**
 * E-mail: a transactional outbox (rows written in the same transaction as the change they tell of),
 * delivered over SMTP (Jakarta Mail, Angus) by a background sender with retries and exponential
 * backoff; bilingual (zh-CN first, English beside) text from the {@code i18n/notification} bundle.
 * Mail is off when no SMTP host is configured; nothing is queued then.
 */
package cn.dayi.marketplace.mail;
