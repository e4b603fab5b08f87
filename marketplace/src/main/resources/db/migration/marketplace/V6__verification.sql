-- Real-name verification (实名认证) of buying organisations. Organisations that exist already, and
-- those an admin creates, are VERIFIED; an enterprise that registers itself starts PENDING until a
-- platform admin verifies or rejects it (with a reason). Only VERIFIED organisations can order.
ALTER TABLE organisation
    ADD COLUMN credit_code        CHAR(18)     NULL COMMENT 'unified social credit code, GB 32100-2015 (统一社会信用代码)',
    ADD COLUMN verification       VARCHAR(16)  NOT NULL DEFAULT 'VERIFIED' COMMENT 'PENDING, VERIFIED, REJECTED',
    ADD COLUMN verification_note  VARCHAR(500) NULL COMMENT 'why it was rejected',
    ADD COLUMN verified_by        BIGINT       NULL,
    ADD COLUMN verified_at        TIMESTAMP(3) NULL,
    ADD CONSTRAINT uq_organisation_credit_code UNIQUE (credit_code),
    ADD CONSTRAINT ck_organisation_verification CHECK (verification IN ('PENDING', 'VERIFIED', 'REJECTED'));
