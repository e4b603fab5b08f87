-- Innovation vouchers (创新券): programmes the fiscal officer sets up, quota granted to verified
-- enterprises, the part of an order a voucher pays (held at checkout, captured at completion,
-- released on cancellation / expiry / no-show / refund), daily expiry, and claims to the fiscal
-- fund: operators' redemption claims (兑付) and buyers' post-payment subsidies (先缴后补).
--
-- NEVER OVERDRAWN. A grant takes quota from its programme with one conditional UPDATE
-- (budget_fen - granted_fen >= amount); a hold takes from a grant with one conditional UPDATE
-- (quota_fen - held_fen - captured_fen - expired_fen >= amount) after locking the buyer's grant rows
-- (SELECT … FOR UPDATE, in id order) in the transaction that moves the order. The CHECK constraints
-- below are the last line: a bug that tried to overdraw would fail, not save.

CREATE TABLE voucher_programme (
    id                        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                      VARCHAR(200)  NOT NULL,
    type                      VARCHAR(24)   NOT NULL COMMENT 'STANDARD (deducted at checkout, 无感直兑) or POST_PAYMENT_SUBSIDY (先缴后补, paid back after completion)',
    budget_fen                BIGINT        NOT NULL COMMENT 'the programme''s money, fen',
    granted_fen               BIGINT        NOT NULL DEFAULT 0 COMMENT 'sum of quota granted to enterprises, fen; never above budget_fen',
    currency                  CHAR(3)       NOT NULL DEFAULT 'CNY',
    valid_from                DATE          NOT NULL COMMENT 'first day vouchers may be used (Asia/Shanghai)',
    valid_until               DATE          NOT NULL COMMENT 'last day, inclusive',
    cover_bp                  INT           NOT NULL COMMENT 'STANDARD: the voucher pays at most this share of the eligible amount; SUBSIDY: the share paid back; basis points',
    full_cover_below_fen      BIGINT        NULL COMMENT 'STANDARD: orders under this amount may be paid wholly by voucher',
    per_order_cap_fen         BIGINT        NULL COMMENT 'at most this much on one order',
    yearly_cap_fen            BIGINT        NULL COMMENT 'at most this much per enterprise per calendar year (Asia/Shanghai)',
    created_by                BIGINT        NOT NULL,
    created_at                TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_vp_person FOREIGN KEY (created_by) REFERENCES person (id),
    CONSTRAINT ck_vp_type CHECK (type IN ('STANDARD', 'POST_PAYMENT_SUBSIDY')),
    CONSTRAINT ck_vp_budget CHECK (budget_fen > 0 AND granted_fen >= 0 AND granted_fen <= budget_fen),
    CONSTRAINT ck_vp_window CHECK (valid_until >= valid_from),
    CONSTRAINT ck_vp_cover CHECK (cover_bp BETWEEN 1 AND 10000),
    CONSTRAINT ck_vp_caps CHECK ((full_cover_below_fen IS NULL OR full_cover_below_fen > 0)
        AND (per_order_cap_fen IS NULL OR per_order_cap_fen > 0) AND (yearly_cap_fen IS NULL OR yearly_cap_fen > 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Where a programme's vouchers are accepted: ISSUING regions (the programme's own) and ACCEPTING
-- regions (other regions whose operators take them, cross-region use). A region covers its districts.
CREATE TABLE voucher_programme_region (
    programme_id  BIGINT       NOT NULL,
    region_code   VARCHAR(16)  NOT NULL,
    role          VARCHAR(16)  NOT NULL COMMENT 'ISSUING or ACCEPTING',
    PRIMARY KEY (programme_id, region_code),
    CONSTRAINT fk_vpr_programme FOREIGN KEY (programme_id) REFERENCES voucher_programme (id),
    CONSTRAINT fk_vpr_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT ck_vpr_role CHECK (role IN ('ISSUING', 'ACCEPTING'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What a programme pays for: national categories and/or designated instruments. None = everything.
CREATE TABLE voucher_programme_scope (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    programme_id   BIGINT      NOT NULL,
    category_code  VARCHAR(4)  NULL,
    instrument_id  BIGINT      NULL,
    CONSTRAINT fk_vps_programme FOREIGN KEY (programme_id) REFERENCES voucher_programme (id),
    CONSTRAINT fk_vps_category FOREIGN KEY (category_code) REFERENCES category (code),
    CONSTRAINT fk_vps_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT ck_vps_one CHECK ((category_code IS NULL) <> (instrument_id IS NULL)),
    INDEX ix_vps_programme (programme_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Quota of one programme granted to one enterprise (a second grant tops the same row up).
-- available = quota - held - captured - expired.
CREATE TABLE voucher_grant (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    programme_id   BIGINT        NOT NULL,
    enterprise_id  BIGINT        NOT NULL,
    quota_fen      BIGINT        NOT NULL,
    held_fen       BIGINT        NOT NULL DEFAULT 0 COMMENT 'held on orders awaiting completion',
    captured_fen   BIGINT        NOT NULL DEFAULT 0 COMMENT 'spent on completed orders (and subsidies paid back)',
    expired_fen    BIGINT        NOT NULL DEFAULT 0 COMMENT 'lost when the grant lapsed unused',
    valid_until    DATE          NOT NULL COMMENT 'last day of use, inclusive (at most the programme''s)',
    state          VARCHAR(16)   NOT NULL DEFAULT 'ACTIVE' COMMENT 'ACTIVE or EXPIRED',
    granted_by     BIGINT        NOT NULL,
    granted_at     TIMESTAMP(3)  NOT NULL,
    updated_at     TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uq_vg_programme_enterprise UNIQUE (programme_id, enterprise_id),
    CONSTRAINT fk_vg_programme FOREIGN KEY (programme_id) REFERENCES voucher_programme (id),
    CONSTRAINT fk_vg_enterprise FOREIGN KEY (enterprise_id) REFERENCES organisation (id),
    CONSTRAINT fk_vg_person FOREIGN KEY (granted_by) REFERENCES person (id),
    CONSTRAINT ck_vg_state CHECK (state IN ('ACTIVE', 'EXPIRED')),
    CONSTRAINT ck_vg_amounts CHECK (quota_fen > 0 AND held_fen >= 0 AND captured_fen >= 0 AND expired_fen >= 0
        AND held_fen + captured_fen + expired_fen <= quota_fen),
    INDEX ix_vg_enterprise (enterprise_id, state)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Claims on the fiscal fund, decided by the fiscal officer. REDEMPTION (兑付): an operator claims
-- the voucher parts of its completed orders of one programme and month. SUBSIDY (先缴后补): made by
-- itself when an order under a subsidy programme completes; the buyer enterprise is paid back.
-- APPROVED claims are payables of the fiscal fund (the ledger posts them; see RedemptionClaims).
CREATE TABLE voucher_claim (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind           VARCHAR(16)   NOT NULL COMMENT 'REDEMPTION or SUBSIDY',
    programme_id   BIGINT        NOT NULL,
    claimant_id    BIGINT        NOT NULL COMMENT 'REDEMPTION: the operator; SUBSIDY: the buyer enterprise',
    period         CHAR(7)       NOT NULL COMMENT 'YYYY-MM, Asia/Shanghai, of the completions claimed',
    amount_fen     BIGINT        NOT NULL,
    uses           INT           NOT NULL COMMENT 'how many orders the claim covers',
    state          VARCHAR(16)   NOT NULL DEFAULT 'SUBMITTED' COMMENT 'SUBMITTED, APPROVED, REJECTED',
    submitted_by   BIGINT        NULL COMMENT 'null when made by the platform (subsidies)',
    submitted_at   TIMESTAMP(3)  NOT NULL,
    decided_by     BIGINT        NULL,
    decided_at     TIMESTAMP(3)  NULL,
    decision_note  VARCHAR(500)  NULL,
    CONSTRAINT fk_vc_programme FOREIGN KEY (programme_id) REFERENCES voucher_programme (id),
    CONSTRAINT fk_vc_claimant FOREIGN KEY (claimant_id) REFERENCES organisation (id),
    CONSTRAINT ck_vc_kind CHECK (kind IN ('REDEMPTION', 'SUBSIDY')),
    CONSTRAINT ck_vc_state CHECK (state IN ('SUBMITTED', 'APPROVED', 'REJECTED')),
    CONSTRAINT ck_vc_amount CHECK (amount_fen > 0 AND uses > 0),
    INDEX ix_vc_claimant (claimant_id, period),
    INDEX ix_vc_state (state, submitted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The voucher part of one order: HELD at checkout, CAPTURED at completion, RELEASED otherwise.
-- A SUBSIDY use is written CAPTURED at completion with its subsidy claim. One use per order and kind.
CREATE TABLE voucher_use (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id        BIGINT        NOT NULL,
    kind            VARCHAR(16)   NOT NULL COMMENT 'VOUCHER (paid part of the order) or SUBSIDY (paid back after)',
    grant_id        BIGINT        NOT NULL,
    operator_id     BIGINT        NOT NULL,
    amount_fen      BIGINT        NOT NULL,
    state           VARCHAR(16)   NOT NULL COMMENT 'HELD, CAPTURED, RELEASED',
    held_at         TIMESTAMP(3)  NOT NULL,
    captured_at     TIMESTAMP(3)  NULL,
    released_at     TIMESTAMP(3)  NULL,
    release_reason  VARCHAR(32)   NULL COMMENT 'CANCELLED, EXPIRED, NO_SHOW, REFUNDED, SUBSIDY_REJECTED',
    claim_id        BIGINT        NULL COMMENT 'the claim that asks the fiscal fund for it',
    CONSTRAINT uq_vu_order UNIQUE (order_id, kind),
    CONSTRAINT fk_vu_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    CONSTRAINT fk_vu_grant FOREIGN KEY (grant_id) REFERENCES voucher_grant (id),
    CONSTRAINT fk_vu_operator FOREIGN KEY (operator_id) REFERENCES organisation (id),
    CONSTRAINT fk_vu_claim FOREIGN KEY (claim_id) REFERENCES voucher_claim (id),
    CONSTRAINT ck_vu_kind CHECK (kind IN ('VOUCHER', 'SUBSIDY')),
    CONSTRAINT ck_vu_state CHECK (state IN ('HELD', 'CAPTURED', 'RELEASED')),
    CONSTRAINT ck_vu_amount CHECK (amount_fen > 0),
    INDEX ix_vu_grant (grant_id, state, held_at),
    INDEX ix_vu_claimable (operator_id, state, captured_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
