-- Card payments through Stripe (PaymentIntents in CNY: card, and Alipay / WeChat Pay where the
-- account enables them), their refunds, and the Stripe events already applied.
--
-- EXACTLY ONCE. stripe_event has the Stripe event id as its primary key: the webhook inserts it
-- and applies the event's effect (attempt status, payment_record, order CONFIRMED) in the SAME
-- transaction, so a redelivered event fails on the key and changes nothing, and an event whose
-- effect failed is not remembered (Stripe delivers it again). Reconciliation applies the same
-- effects from the PaymentIntent itself and is idempotent through the attempt's status (row lock).

-- A card payment recorded by the provider has no person who recorded it, and says which provider.
ALTER TABLE payment_record
    MODIFY recorded_by BIGINT NULL COMMENT 'who recorded it; null when the payment provider reported it (CARD)',
    ADD COLUMN provider VARCHAR(16) NULL COMMENT 'STRIPE for method CARD (reference = PaymentIntent id); null for BANK_TRANSFER',
    ADD COLUMN card_attempt_id BIGINT NULL COMMENT 'the card_payment_attempt that paid, for method CARD';

-- One try of the buyer to pay an order by card: one Stripe PaymentIntent, created with the
-- deterministic idempotency key order-<order_id>-attempt-<attempt_no>.
CREATE TABLE card_payment_attempt (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id            BIGINT        NOT NULL,
    attempt_no          INT           NOT NULL COMMENT '1, 2, … per order; a new attempt only after the last one FAILED or was CANCELED',
    idempotency_key     VARCHAR(64)   NOT NULL COMMENT 'sent to Stripe with the create call: order-<order_id>-attempt-<attempt_no>',
    payment_intent_id   VARCHAR(255)  NULL COMMENT 'Stripe PaymentIntent id (pi_…); null while UNKNOWN (the create call did not answer)',
    client_secret       VARCHAR(255)  NULL COMMENT 'handed to the buyer''s browser (Stripe.js) to confirm the payment',
    amount_fen          BIGINT        NOT NULL COMMENT 'amount charged, fen: the order''s amount due in cash when the attempt began',
    currency            CHAR(3)       NOT NULL DEFAULT 'CNY',
    payment_method_types VARCHAR(64)  NOT NULL COMMENT 'comma-separated: card[,alipay][,wechat_pay]',
    status              VARCHAR(16)   NOT NULL COMMENT 'UNKNOWN, PENDING, SUCCEEDED, FAILED, CANCELED, MISMATCH',
    failure_code        VARCHAR(64)   NULL COMMENT 'Stripe''s code / decline code of the last failure',
    failure_message     VARCHAR(500)  NULL COMMENT 'why it failed, shown to the buyer',
    attention           VARCHAR(500)  NULL COMMENT 'set when money arrived that did not confirm the order (amount or currency mismatch, order no longer awaiting payment): finance must act',
    created_by          BIGINT        NOT NULL,
    created_at          TIMESTAMP(3)  NOT NULL,
    updated_at          TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_cpa_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    CONSTRAINT fk_cpa_person FOREIGN KEY (created_by) REFERENCES person (id),
    CONSTRAINT uq_cpa_attempt UNIQUE (order_id, attempt_no),
    CONSTRAINT uq_cpa_intent UNIQUE (payment_intent_id),
    CONSTRAINT uq_cpa_key UNIQUE (idempotency_key),
    CONSTRAINT ck_cpa_amount CHECK (amount_fen > 0),
    CONSTRAINT ck_cpa_status CHECK (status IN ('UNKNOWN', 'PENDING', 'SUCCEEDED', 'FAILED', 'CANCELED', 'MISMATCH')),
    INDEX ix_cpa_open (status, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Refunds of card payments through Stripe Refunds, full or partial, key order-<order_id>-refund-<refund_no>.
-- The sum of an attempt's refunds that are not FAILED never exceeds its amount (checked under the
-- attempt's row lock). SUCCEEDED rows are what the ledger reverses (one reversing journal per row).
CREATE TABLE card_refund (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id            BIGINT        NOT NULL,
    attempt_id          BIGINT        NOT NULL COMMENT 'the card payment refunded',
    refund_no           INT           NOT NULL COMMENT '1, 2, … per order',
    idempotency_key     VARCHAR(64)   NOT NULL COMMENT 'sent to Stripe: order-<order_id>-refund-<refund_no>',
    request_key         VARCHAR(255)  NOT NULL COMMENT 'the caller''s Idempotency-Key header: a repeated request returns this refund',
    stripe_refund_id    VARCHAR(255)  NULL COMMENT 're_…; null until Stripe answered',
    amount_fen          BIGINT        NOT NULL,
    currency            CHAR(3)       NOT NULL DEFAULT 'CNY',
    status              VARCHAR(16)   NOT NULL COMMENT 'REQUESTED (Stripe not yet answered), PENDING, SUCCEEDED, FAILED, CANCELED',
    reason              VARCHAR(500)  NOT NULL COMMENT 'why, shown to the buyer and the operator',
    failure_reason      VARCHAR(255)  NULL,
    created_by          BIGINT        NOT NULL,
    created_at          TIMESTAMP(3)  NOT NULL,
    updated_at          TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_cr_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    CONSTRAINT fk_cr_attempt FOREIGN KEY (attempt_id) REFERENCES card_payment_attempt (id),
    CONSTRAINT fk_cr_person FOREIGN KEY (created_by) REFERENCES person (id),
    CONSTRAINT uq_cr_no UNIQUE (order_id, refund_no),
    CONSTRAINT uq_cr_key UNIQUE (idempotency_key),
    CONSTRAINT uq_cr_request UNIQUE (order_id, request_key),
    CONSTRAINT uq_cr_stripe UNIQUE (stripe_refund_id),
    CONSTRAINT ck_cr_amount CHECK (amount_fen > 0),
    CONSTRAINT ck_cr_status CHECK (status IN ('REQUESTED', 'PENDING', 'SUCCEEDED', 'FAILED', 'CANCELED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Stripe events applied (or deliberately ignored), keyed by Stripe's event id: a redelivery fails on the key.
CREATE TABLE stripe_event (
    event_id            VARCHAR(255)  NOT NULL PRIMARY KEY COMMENT 'evt_…',
    type                VARCHAR(64)   NOT NULL,
    object_id           VARCHAR(255)  NULL COMMENT 'the PaymentIntent / Refund the event is about',
    outcome             VARCHAR(32)   NOT NULL COMMENT 'what it did: CONFIRMED, FAILED, MISMATCH, IGNORED …',
    received_at         TIMESTAMP(3)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
