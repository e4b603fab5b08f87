-- Idempotency keys of money-moving requests (Idempotency-Key header). One row per (caller, key):
-- the first request inserts it IN_FLIGHT (committed at once), runs, then stores its answer (DONE).
-- A repeat with the same payload gets the stored answer; with another payload 422; while the first
-- still runs 409. A request that failed deletes its row (it changed nothing), so it may be retried.
CREATE TABLE idempotency_key (
    caller           VARCHAR(64)   NOT NULL COMMENT 'who asked: person:<id>',
    idem_key         VARCHAR(128)  NOT NULL COMMENT 'the Idempotency-Key header',
    endpoint         VARCHAR(200)  NOT NULL COMMENT 'METHOD path',
    request_hash     CHAR(64)      NOT NULL COMMENT 'SHA-256 hex of endpoint + canonical JSON body',
    status           VARCHAR(16)   NOT NULL COMMENT 'IN_FLIGHT, DONE',
    response_status  INT           NULL,
    response_body    MEDIUMTEXT    NULL COMMENT 'JSON answer replayed to repeats',
    created_at       TIMESTAMP(3)  NOT NULL,
    completed_at     TIMESTAMP(3)  NULL,
    PRIMARY KEY (caller, idem_key),
    CONSTRAINT ck_idem_status CHECK (status IN ('IN_FLIGHT', 'DONE')),
    INDEX ix_idem_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
