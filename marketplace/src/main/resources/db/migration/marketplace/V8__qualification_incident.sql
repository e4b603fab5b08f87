-- Qualifications (资质/培训记录) and incidents (故障) of instruments.
--
-- A qualification says a person was trained on an instrument by the operator that holds it and may
-- self-operate it (自主上机) from trained_on to valid_until (dates, Asia/Shanghai, both inclusive)
-- unless revoked. Self-operated bookings need one valid on the booked day.
CREATE TABLE instrument_qualification (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    instrument_id   BIGINT        NOT NULL,
    person_id       BIGINT        NOT NULL COMMENT 'the qualified user',
    operator_id     BIGINT        NOT NULL COMMENT 'the operator whose staff trained and granted',
    trained_on      DATE          NOT NULL COMMENT 'training date, Asia/Shanghai',
    valid_until     DATE          NOT NULL COMMENT 'last day it is valid, Asia/Shanghai, inclusive',
    note            VARCHAR(500)  NULL,
    granted_by      BIGINT        NOT NULL,
    granted_at      TIMESTAMP(3)  NOT NULL,
    revoked_at      TIMESTAMP(3)  NULL,
    revoked_by      BIGINT        NULL,
    revoke_reason   VARCHAR(500)  NULL,
    CONSTRAINT fk_iq_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_iq_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_iq_operator FOREIGN KEY (operator_id) REFERENCES organisation (id),
    CONSTRAINT fk_iq_granted_by FOREIGN KEY (granted_by) REFERENCES person (id),
    CONSTRAINT ck_iq_dates CHECK (valid_until >= trained_on),
    INDEX ix_iq_person (person_id, instrument_id),
    INDEX ix_iq_operator (operator_id, granted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A fault reported on an instrument. While unresolved (resolved_at NULL) it blocks the calendar from
-- reported_at on: no free time is offered and no booking is taken. Orders already made stay; the
-- operator handles them.
CREATE TABLE instrument_incident (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    instrument_id   BIGINT        NOT NULL,
    description     VARCHAR(1000) NOT NULL,
    reported_by     BIGINT        NOT NULL,
    reported_at     TIMESTAMP(3)  NOT NULL,
    resolved_by     BIGINT        NULL,
    resolved_at     TIMESTAMP(3)  NULL,
    resolution      VARCHAR(1000) NULL,
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_ii_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_ii_reported_by FOREIGN KEY (reported_by) REFERENCES person (id),
    CONSTRAINT fk_ii_resolved_by FOREIGN KEY (resolved_by) REFERENCES person (id),
    INDEX ix_ii_instrument (instrument_id, resolved_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
