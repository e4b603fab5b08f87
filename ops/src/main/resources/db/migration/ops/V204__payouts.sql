-- Payouts (结算付款) of approved settlement statements, and the parties' payout accounts.
--
-- PAY ONCE. payout is UNIQUE (statement_id) and UNIQUE (party_id, period): a statement has at most one payout,
-- whatever the number of runs, nodes or crashes. A Stripe transfer carries the deterministic idempotency key
-- payout-<statementId>-attempt-<attempt>; a payout whose call got no answer (PENDING left by a crash, or UNKNOWN)
-- asks again with the same key, so Stripe answers with the transfer it made the first time. Only a FAILED payout
-- (Stripe answered and refused, or the bank run failed) is tried again, with attempt + 1. The ledger journal of a
-- payout is keyed PAYOUT:<payoutId>: it posts once.

-- Where an organisation is paid: a Stripe Connect connected account (acct_…) and/or bank details for a domestic
-- transfer (户名, 开户行, 账号). One row per organisation, replaced by its owner admins / operator managers /
-- operator finance (or a platform admin); each payout keeps a copy of the destination it was sent to.
CREATE TABLE payout_account (
    organisation_id    BIGINT        NOT NULL PRIMARY KEY,
    stripe_account_id  VARCHAR(64)   NULL COMMENT 'Stripe Connect connected account, acct_…',
    payee_name         VARCHAR(100)  NULL COMMENT '户名',
    bank_name          VARCHAR(100)  NULL COMMENT '开户行',
    account_number     VARCHAR(30)   NULL COMMENT '账号, digits only',
    updated_by         BIGINT        NOT NULL,
    updated_at         TIMESTAMP(3)  NOT NULL COMMENT 'UTC',
    CONSTRAINT fk_payout_account_org FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_payout_account_person FOREIGN KEY (updated_by) REFERENCES person (id),
    CONSTRAINT ck_payout_account_some CHECK (stripe_account_id IS NOT NULL OR account_number IS NOT NULL),
    CONSTRAINT ck_payout_account_bank CHECK ((payee_name IS NULL AND bank_name IS NULL AND account_number IS NULL)
        OR (payee_name IS NOT NULL AND bank_name IS NOT NULL AND account_number IS NOT NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One payout per approved statement with a positive share. States (PayoutState, one transition table):
-- WAITING_FOR_ACCOUNT → PENDING (Stripe) | IN_FILE (bank payout file);
-- PENDING | UNKNOWN → TRANSFERRED | FAILED | UNKNOWN; IN_FILE → PAID | FAILED; FAILED → (retry) routed again.
CREATE TABLE payout (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    statement_id        BIGINT        NOT NULL,
    party_id            BIGINT        NOT NULL,
    period              CHAR(7)       NOT NULL COMMENT 'YYYY-MM, the statement''s period',
    amount_fen          BIGINT        NOT NULL COMMENT 'the statement''s share',
    owner_fen           BIGINT        NOT NULL COMMENT 'part of the amount from OWNER_PAYABLE (role OWNER lines)',
    operator_fen        BIGINT        NOT NULL COMMENT 'part of the amount from OPERATOR_PAYABLE (role OPERATOR lines)',
    currency            CHAR(3)       NOT NULL DEFAULT 'CNY',
    state               VARCHAR(24)   NOT NULL,
    method              VARCHAR(16)   NULL COMMENT 'STRIPE_TRANSFER or BANK_FILE once routed',
    attempt             INT           NOT NULL DEFAULT 1 COMMENT 'Stripe idempotency key payout-<statementId>-attempt-<n>',
    stripe_account_id   VARCHAR(64)   NULL COMMENT 'destination of the Stripe transfer (copy)',
    stripe_transfer_id  VARCHAR(64)   NULL,
    payee_name          VARCHAR(100)  NULL COMMENT 'bank destination (copy)',
    bank_name           VARCHAR(100)  NULL,
    account_number      VARCHAR(30)   NULL,
    bank_reference      VARCHAR(100)  NULL COMMENT 'what finance noted when marking it paid',
    failure_code        VARCHAR(64)   NULL,
    failure_reason      VARCHAR(1000) NULL COMMENT 'Stripe''s reason, or finance''s',
    journal_id          BIGINT        NULL COMMENT 'ledger journal PAYOUT:<id>, once money left',
    created_at          TIMESTAMP(3)  NOT NULL,
    updated_at          TIMESTAMP(3)  NOT NULL,
    paid_at             TIMESTAMP(3)  NULL,
    CONSTRAINT uq_payout_statement UNIQUE (statement_id),
    CONSTRAINT uq_payout_party_period UNIQUE (party_id, period),
    CONSTRAINT fk_payout_statement FOREIGN KEY (statement_id) REFERENCES settlement_statement (id),
    CONSTRAINT fk_payout_party FOREIGN KEY (party_id) REFERENCES organisation (id),
    CONSTRAINT ck_payout_amount CHECK (amount_fen > 0 AND owner_fen >= 0 AND operator_fen >= 0
        AND owner_fen + operator_fen = amount_fen),
    CONSTRAINT ck_payout_state CHECK (state IN ('WAITING_FOR_ACCOUNT', 'PENDING', 'UNKNOWN', 'TRANSFERRED', 'IN_FILE',
        'PAID', 'FAILED')),
    CONSTRAINT ck_payout_method CHECK (method IS NULL OR method IN ('STRIPE_TRANSFER', 'BANK_FILE')),
    INDEX ix_payout_period (period, state),
    INDEX ix_payout_state (state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every change of a payout's state: who (NULL = the preparation job), when, why. Append-only.
CREATE TABLE payout_event (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    payout_id   BIGINT        NOT NULL,
    from_state  VARCHAR(24)   NULL,
    to_state    VARCHAR(24)   NOT NULL,
    note        VARCHAR(1000) NULL,
    by_person   BIGINT        NULL,
    at          TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_payout_event_payout FOREIGN KEY (payout_id) REFERENCES payout (id),
    INDEX ix_payout_event (payout_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
