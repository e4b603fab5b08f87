-- Member invitations: a member invites a colleague by e-mail to join an organisation with a role.
-- The mail carries a one-time token; only its SHA-256 is stored. An invitation is accepted once
-- (accepted_at set under the row's condition) and lapses 7 days after it was made.
CREATE TABLE invitation (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation_id     BIGINT        NOT NULL,
    role                VARCHAR(32)   NOT NULL,
    email               VARCHAR(254)  NOT NULL COMMENT 'lower-case',
    token_sha256        CHAR(64)      NOT NULL COMMENT 'hex SHA-256 of the token in the mail; the token itself is not kept',
    invited_by          BIGINT        NOT NULL,
    created_at          TIMESTAMP(3)  NOT NULL,
    expires_at          TIMESTAMP(3)  NOT NULL,
    accepted_at         TIMESTAMP(3)  NULL,
    accepted_person_id  BIGINT        NULL,
    CONSTRAINT uq_invitation_token UNIQUE (token_sha256),
    CONSTRAINT fk_invitation_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_invitation_inviter FOREIGN KEY (invited_by) REFERENCES person (id),
    INDEX ix_invitation_organisation (organisation_id, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
