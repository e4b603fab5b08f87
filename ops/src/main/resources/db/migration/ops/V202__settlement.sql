-- Settlement runs and statements (结算单), per business period (a calendar month, Asia/Shanghai).
--
-- IDEMPOTENT AND RESUMABLE. settlement_run has one row per period (PRIMARY KEY period): a run
-- claims it (STARTED), writes one statement per party, then marks it COMPLETED; a failed run is
-- FAILED and may be run again. settlement_statement is UNIQUE (party_id, period) and each party's
-- statement and its lines are written in ONE transaction, so a crash leaves every party either
-- fully settled or not at all. A re-run skips the parties that have a statement and writes the
-- rest from the same source data (the period is closed), so crash + re-run yields exactly the
-- statements of an uninterrupted run, and no duplicates whatever the number of nodes.

CREATE TABLE settlement_run (
    period            CHAR(7)       NOT NULL PRIMARY KEY COMMENT 'YYYY-MM, calendar month in Asia/Shanghai',
    state             VARCHAR(16)   NOT NULL COMMENT 'STARTED, COMPLETED, FAILED',
    attempts          INT           NOT NULL DEFAULT 1,
    parties_total     INT           NULL,
    parties_settled   INT           NOT NULL DEFAULT 0 COMMENT 'statements written so far (all attempts)',
    message           VARCHAR(1000) NULL COMMENT 'why the last attempt failed',
    started_at        TIMESTAMP(3)  NOT NULL COMMENT 'UTC, last attempt',
    finished_at       TIMESTAMP(3)  NULL COMMENT 'UTC',
    CONSTRAINT ck_settlement_run_state CHECK (state IN ('STARTED', 'COMPLETED', 'FAILED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One statement per party (an organisation: an operator, an owner, or both) and period.
CREATE TABLE settlement_statement (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    party_id          BIGINT        NOT NULL COMMENT 'organisation',
    period            CHAR(7)       NOT NULL,
    orders_count      INT           NOT NULL,
    minutes_used      BIGINT        NOT NULL COMMENT 'machine time of the completed orders, minutes',
    gross_fen         BIGINT        NOT NULL COMMENT 'sum of the lines'' order totals (not yet the party''s share)',
    currency          CHAR(3)       NOT NULL DEFAULT 'CNY',
    created_at        TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uq_statement_party_period UNIQUE (party_id, period),
    CONSTRAINT fk_statement_party FOREIGN KEY (party_id) REFERENCES organisation (id),
    CONSTRAINT fk_statement_run FOREIGN KEY (period) REFERENCES settlement_run (period),
    INDEX ix_statement_period (period)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Lines of a statement: per instrument and the role in which the party takes part
-- (OPERATOR: it served the orders; OWNER: it owns the instrument).
CREATE TABLE settlement_statement_line (
    statement_id      BIGINT        NOT NULL,
    role              VARCHAR(16)   NOT NULL COMMENT 'OPERATOR, OWNER',
    instrument_id     BIGINT        NOT NULL,
    operator_id       BIGINT        NOT NULL COMMENT 'who served the orders',
    owner_id          BIGINT        NOT NULL COMMENT 'who owns the instrument',
    orders_count      INT           NOT NULL,
    minutes_used      BIGINT        NOT NULL,
    gross_fen         BIGINT        NOT NULL COMMENT 'sum of the completed orders'' totals',
    PRIMARY KEY (statement_id, role, instrument_id, operator_id),
    CONSTRAINT fk_statement_line_statement FOREIGN KEY (statement_id) REFERENCES settlement_statement (id),
    CONSTRAINT ck_statement_line_role CHECK (role IN ('OPERATOR', 'OWNER')),
    CONSTRAINT ck_statement_line_numbers CHECK (orders_count >= 0 AND minutes_used >= 0 AND gross_fen >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
