-- Statements carry what each party earned, from the ledger: the credits to its OWNER_PAYABLE (role OWNER) or
-- OPERATOR_PAYABLE (role OPERATOR) account in the journals of the statement's orders posted within the period
-- (where a completion is posted; later corrections do not change a closed month). Gross stays the orders' totals
-- before the split.
ALTER TABLE settlement_statement
    ADD COLUMN share_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'the party''s share of the period from the ledger (sum of the lines)';
ALTER TABLE settlement_statement_line
    ADD COLUMN share_fen BIGINT NOT NULL DEFAULT 0 COMMENT 'the party''s share of these orders from the ledger, in this role';

-- The party's answer to its statement: APPROVED, or DISPUTED with a reason. Append-only: the latest row is the
-- statement's standing; once APPROVED, no further answer is taken. Never updated or deleted.
CREATE TABLE settlement_statement_review (
    id            BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    statement_id  BIGINT         NOT NULL,
    decision      VARCHAR(16)    NOT NULL,
    reason        VARCHAR(1000)  NULL,
    decided_by    BIGINT         NOT NULL,
    decided_at    TIMESTAMP(3)   NOT NULL,
    CONSTRAINT fk_statement_review_statement FOREIGN KEY (statement_id) REFERENCES settlement_statement (id),
    CONSTRAINT fk_statement_review_person FOREIGN KEY (decided_by) REFERENCES person (id),
    CONSTRAINT ck_statement_review_decision CHECK (decision IN ('APPROVED', 'DISPUTED')),
    CONSTRAINT ck_statement_review_reason CHECK (decision <> 'DISPUTED' OR reason IS NOT NULL),
    INDEX ix_statement_review (statement_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
