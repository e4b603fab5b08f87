-- Notifications: the in-app inbox (one row per person per thing they should know) and the e-mail
-- outbox. Both are written in the transaction that changes what they tell about (an order's state
-- move, an invitation, a verification decision), so a committed change always has its
-- notifications and a rolled-back one never does; a background sender delivers the outbox over
-- SMTP with retries and backoff.

CREATE TABLE notification (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    person_id       BIGINT        NOT NULL COMMENT 'whose inbox',
    order_id        BIGINT        NULL COMMENT 'the order it is about, if any',
    order_event_id  BIGINT        NULL COMMENT 'the audit event it tells of (service_order_event.id)',
    event           VARCHAR(32)   NOT NULL COMMENT 'past tense, e.g. SUBMITTED, ACCEPTED, EXPIRED',
    subject_zh      VARCHAR(300)  NOT NULL,
    subject_en      VARCHAR(300)  NOT NULL,
    body_zh         TEXT          NOT NULL,
    body_en         TEXT          NOT NULL,
    link            VARCHAR(300)  NULL COMMENT 'a page of the platform, relative (/inbox, /orders/…)',
    created_at      TIMESTAMP(3)  NOT NULL,
    read_at         TIMESTAMP(3)  NULL,
    CONSTRAINT fk_notification_person FOREIGN KEY (person_id) REFERENCES person (id),
    -- one notification per person per audit event: a repeated delivery attempt changes nothing
    CONSTRAINT uq_notification_event_person UNIQUE (order_event_id, person_id),
    INDEX ix_notification_inbox (person_id, read_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE mail_outbox (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    dedupe_key       VARCHAR(120)  NULL COMMENT 'e.g. order-event:<id>:<person>; the same mail is queued once',
    recipient        VARCHAR(254)  NOT NULL,
    subject          VARCHAR(500)  NOT NULL,
    body             TEXT          NOT NULL COMMENT 'text/plain, zh-CN first then English',
    ics              TEXT          NULL COMMENT 'an iCalendar attachment (text/calendar), if any',
    ics_method       VARCHAR(16)   NULL COMMENT 'REQUEST or CANCEL',
    created_at       TIMESTAMP(3)  NOT NULL,
    next_attempt_at  TIMESTAMP(3)  NOT NULL COMMENT 'due from then; a sender leases a row by moving it forward',
    attempts         INT           NOT NULL DEFAULT 0,
    last_error       VARCHAR(1000) NULL,
    sent_at          TIMESTAMP(3)  NULL,
    failed_at        TIMESTAMP(3)  NULL COMMENT 'given up after the last attempt',
    CONSTRAINT uq_mail_outbox_dedupe UNIQUE (dedupe_key),
    INDEX ix_mail_outbox_due (sent_at, failed_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
