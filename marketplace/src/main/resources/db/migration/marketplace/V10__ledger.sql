-- Double-entry ledger (总账), append-only. Money is BIGINT fen + CHAR(3) ISO currency.
--
-- ledger_account: one account per (type, party, currency), created on demand; party_id = 0 for the
--   platform-level accounts (bank / card clearing, platform revenue, fiscal fund) that belong to no
--   organisation.
-- ledger_journal: one business event posted once: business_key is UNIQUE (e.g. ORDER:42:PAID), so a
--   retried or concurrent posting of the same event fails on the key and is not booked twice.
-- ledger_entry: the legs of a journal; amount_fen is signed (debit > 0, credit < 0); the legs of a
--   journal sum to zero per currency (checked by the code before insert).
-- Rows of ledger_journal and ledger_entry are never updated or deleted: triggers SIGNAL on any UPDATE
--   or DELETE. Corrections are new, reversing journals (reverses_journal_id).

CREATE TABLE ledger_account (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    type        VARCHAR(32)  NOT NULL COMMENT 'AccountType: BANK_CLEARING, CARD_CLEARING, BUYER_PREPAID, OWNER_PAYABLE, FISCAL_FUND_PAYABLE, OPERATOR_PAYABLE, PLATFORM_REVENUE, VOUCHER_RECEIVABLE …',
    party_id    BIGINT       NOT NULL COMMENT 'organisation id; 0 for platform-level accounts',
    currency    CHAR(3)      NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_ledger_account UNIQUE (type, party_id, currency),
    INDEX ix_la_party (party_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ledger_journal (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    business_key         VARCHAR(128)  NOT NULL COMMENT 'what was posted, once: ORDER:42:PAID, ORDER:42:COMPLETED, REFUND:7 …',
    event                VARCHAR(32)   NOT NULL COMMENT 'past tense: PAID, COMPLETED, CANCELLATION_FEE_CHARGED, NO_SHOW_FEE_CHARGED, REFUNDED, REVERSED …',
    order_id             BIGINT        NULL,
    memo                 VARCHAR(500)  NULL,
    reverses_journal_id  BIGINT        NULL COMMENT 'set on a reversing journal',
    posted_at            TIMESTAMP(3)  NOT NULL COMMENT 'UTC',
    posted_by            BIGINT        NULL COMMENT 'person; null for the system',
    CONSTRAINT uq_ledger_journal_key UNIQUE (business_key),
    CONSTRAINT uq_ledger_journal_reverses UNIQUE (reverses_journal_id),
    CONSTRAINT fk_lj_reverses FOREIGN KEY (reverses_journal_id) REFERENCES ledger_journal (id),
    INDEX ix_lj_order (order_id, id),
    INDEX ix_lj_posted (posted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE ledger_entry (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    journal_id   BIGINT       NOT NULL,
    account_id   BIGINT       NOT NULL,
    amount_fen   BIGINT       NOT NULL COMMENT 'signed: debit > 0, credit < 0',
    currency     CHAR(3)      NOT NULL,
    posted_at    TIMESTAMP(3) NOT NULL COMMENT 'UTC, = the journal''s',
    CONSTRAINT fk_le_journal FOREIGN KEY (journal_id) REFERENCES ledger_journal (id),
    CONSTRAINT fk_le_account FOREIGN KEY (account_id) REFERENCES ledger_account (id),
    CONSTRAINT ck_le_amount CHECK (amount_fen <> 0),
    INDEX ix_le_journal (journal_id),
    INDEX ix_le_account (account_id, posted_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER ledger_journal_no_update BEFORE UPDATE ON ledger_journal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LEDGER_APPEND_ONLY: ledger_journal rows are never updated; post a reversing journal';
CREATE TRIGGER ledger_journal_no_delete BEFORE DELETE ON ledger_journal FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LEDGER_APPEND_ONLY: ledger_journal rows are never deleted; post a reversing journal';
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LEDGER_APPEND_ONLY: ledger_entry rows are never updated; post a reversing journal';
CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LEDGER_APPEND_ONLY: ledger_entry rows are never deleted; post a reversing journal';

-- Refunds of paid orders (operator finance, with a reason). Append-only like the ledger: a refund is
-- recorded once, with the journal that posted it.
CREATE TABLE order_refund (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id     BIGINT        NOT NULL,
    amount_fen   BIGINT        NOT NULL,
    currency     CHAR(3)       NOT NULL,
    method       VARCHAR(16)   NOT NULL COMMENT 'how the money goes back: the payment''s method (BANK_TRANSFER, CARD)',
    reason       VARCHAR(1000) NOT NULL,
    journal_id   BIGINT        NOT NULL,
    recorded_by  BIGINT        NOT NULL,
    recorded_at  TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_refund_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    CONSTRAINT fk_refund_journal FOREIGN KEY (journal_id) REFERENCES ledger_journal (id),
    CONSTRAINT fk_refund_person FOREIGN KEY (recorded_by) REFERENCES person (id),
    CONSTRAINT ck_refund_amount CHECK (amount_fen > 0),
    INDEX ix_or_order (order_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TRIGGER order_refund_no_update BEFORE UPDATE ON order_refund FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LEDGER_APPEND_ONLY: refunds are never changed';
CREATE TRIGGER order_refund_no_delete BEFORE DELETE ON order_refund FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'LEDGER_APPEND_ONLY: refunds are never deleted';
