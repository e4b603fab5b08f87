-- Entrustment (托管协议): an owner entrusts instruments to an operator for a term, with revenue-split
-- ratios in basis points. Lifecycle DRAFT → PROPOSED → ACTIVE → EXPIRED / TERMINATED (also
-- PROPOSED → DECLINED, DRAFT/PROPOSED → WITHDRAWN); every transition is kept in entrustment_event.

CREATE TABLE entrustment (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    owner_id            BIGINT        NOT NULL,
    operator_id         BIGINT        NOT NULL,
    state               VARCHAR(16)   NOT NULL COMMENT 'DRAFT, PROPOSED, ACTIVE, DECLINED, WITHDRAWN, EXPIRED, TERMINATED',
    starts_on           DATE          NOT NULL COMMENT 'first day of the term (Asia/Shanghai)',
    ends_on             DATE          NOT NULL COMMENT 'last day of the term (Asia/Shanghai)',
    scope               VARCHAR(1000) NULL COMMENT 'services covered, in words (机时, 送样检测, 维护 …)',
    owner_share_bp      INT           NOT NULL COMMENT 'share of instrument-use revenue to the owner, basis points',
    fiscal_share_bp     INT           NOT NULL COMMENT 'share returned to the fiscal fund, basis points',
    operator_share_bp   INT           NOT NULL COMMENT 'share kept by the operator, basis points',
    platform_share_bp   INT           NOT NULL COMMENT 'platform commission, basis points',
    fiscal_funded       BOOLEAN       NOT NULL COMMENT 'instruments bought with fiscal funds',
    created_by          BIGINT        NOT NULL,
    created_at          TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at          TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version             INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_entrustment_owner FOREIGN KEY (owner_id) REFERENCES organisation (id),
    CONSTRAINT fk_entrustment_operator FOREIGN KEY (operator_id) REFERENCES organisation (id),
    CONSTRAINT ck_entrustment_split CHECK (owner_share_bp + fiscal_share_bp + operator_share_bp + platform_share_bp = 10000),
    CONSTRAINT ck_entrustment_shares CHECK (owner_share_bp >= 0 AND fiscal_share_bp >= 0 AND operator_share_bp >= 0
                                            AND platform_share_bp >= 0),
    CONSTRAINT ck_entrustment_term CHECK (ends_on >= starts_on),
    CONSTRAINT ck_entrustment_parties CHECK (owner_id <> operator_id),
    INDEX ix_entrustment_owner (owner_id, state),
    INDEX ix_entrustment_operator (operator_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE entrustment_instrument (
    entrustment_id  BIGINT NOT NULL,
    instrument_id   BIGINT NOT NULL,
    PRIMARY KEY (entrustment_id, instrument_id),
    CONSTRAINT fk_ei_entrustment FOREIGN KEY (entrustment_id) REFERENCES entrustment (id),
    CONSTRAINT fk_ei_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    INDEX ix_ei_instrument (instrument_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Custody: one row per instrument while an ACTIVE entrustment covers it. The primary key on
-- instrument_id is what guarantees, in the database and under any concurrency, that an instrument
-- has at most one custodian at any instant: a second acceptance fails on the key.
CREATE TABLE instrument_custody (
    instrument_id   BIGINT       NOT NULL PRIMARY KEY,
    entrustment_id  BIGINT       NOT NULL,
    operator_id     BIGINT       NOT NULL,
    since           TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_custody_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_custody_entrustment FOREIGN KEY (entrustment_id) REFERENCES entrustment (id),
    CONSTRAINT fk_custody_operator FOREIGN KEY (operator_id) REFERENCES organisation (id),
    INDEX ix_custody_operator (operator_id),
    INDEX ix_custody_entrustment (entrustment_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Audit trail: who moved the entrustment from which state to which, when and why. Append-only.
CREATE TABLE entrustment_event (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entrustment_id   BIGINT        NOT NULL,
    event            VARCHAR(32)   NOT NULL COMMENT 'past tense: CREATED, PROPOSED, ACCEPTED, DECLINED, WITHDRAWN, TERMINATED, EXPIRED',
    from_state       VARCHAR(16)   NULL,
    to_state         VARCHAR(16)   NOT NULL,
    actor_person_id  BIGINT        NULL COMMENT 'null for the scheduler',
    reason           VARCHAR(1000) NULL,
    at               TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_ee_entrustment FOREIGN KEY (entrustment_id) REFERENCES entrustment (id),
    INDEX ix_ee_entrustment (entrustment_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
