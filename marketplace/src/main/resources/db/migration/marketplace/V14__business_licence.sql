-- Business licences (营业执照) uploaded by an enterprise for its real-name verification. An enterprise
-- may upload again (a clearer scan, or after a rejection); the latest one is the one the admin sees.
-- Rows are never updated or deleted.
CREATE TABLE organisation_licence (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    organisation_id  BIGINT        NOT NULL,
    file_id          BIGINT        NOT NULL,
    uploaded_by      BIGINT        NOT NULL,
    uploaded_at      TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_licence_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
    CONSTRAINT fk_licence_file FOREIGN KEY (file_id) REFERENCES stored_file (id),
    CONSTRAINT fk_licence_person FOREIGN KEY (uploaded_by) REFERENCES person (id),
    CONSTRAINT uq_licence_file UNIQUE (file_id),
    INDEX ix_licence_organisation (organisation_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
