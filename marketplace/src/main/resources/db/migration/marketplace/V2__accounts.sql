-- Accounts: people, their roles in organisations, and failed sign-ins (for throttling).
-- A person may hold several roles in several organisations; every authorisation decision asks
-- "does this person hold role R in organisation O?", never only "role R somewhere".

CREATE TABLE person (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email           VARCHAR(254)  NOT NULL COMMENT 'sign-in name, stored lower-case',
    display_name    VARCHAR(120)  NOT NULL,
    password_hash   VARCHAR(255)  NOT NULL COMMENT 'Argon2id, PHC string format',
    active          BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    version         INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_person_email UNIQUE (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE membership (
    person_id        BIGINT       NOT NULL,
    organisation_id  BIGINT       NOT NULL,
    role             VARCHAR(32)  NOT NULL COMMENT 'PLATFORM_ADMIN, FISCAL_OFFICER, OWNER_ADMIN, OPERATOR_MANAGER, OPERATOR_TECHNICIAN, OPERATOR_FINANCE, BUYER_MEMBER',
    granted_at       TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    granted_by       BIGINT       NULL,
    PRIMARY KEY (person_id, organisation_id, role),
    CONSTRAINT fk_membership_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_membership_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    INDEX ix_membership_organisation (organisation_id, role)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per failed sign-in; the throttle counts recent rows per e-mail and per client address.
-- Rows older than a day are removed by the sign-in service itself.
CREATE TABLE sign_in_failure (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email        VARCHAR(254)  NOT NULL,
    client       VARCHAR(64)   NOT NULL COMMENT 'client IP address',
    failed_at    TIMESTAMP(3)  NOT NULL,
    INDEX ix_sign_in_failure_email (email, failed_at),
    INDEX ix_sign_in_failure_client (client, failed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
