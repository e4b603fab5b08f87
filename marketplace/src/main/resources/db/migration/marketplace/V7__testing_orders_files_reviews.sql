-- Testing-service orders (送样检测) as the second kind of service_order, the file store's catalogue
-- of stored files, result files of an order, and reviews of completed orders (issue 4 §4, §6, §9).

-- A TESTING order has no time window and no operating mode; a MACHINE_TIME order keeps both (the
-- application always sets them for that kind). The quote of a TESTING order is its lines (below),
-- so quote_json is NULL for it.
ALTER TABLE service_order
    MODIFY starts_at   TIMESTAMP(3)  NULL COMMENT 'UTC; MACHINE_TIME only',
    MODIFY ends_at     TIMESTAMP(3)  NULL COMMENT 'UTC, exclusive; MACHINE_TIME only',
    MODIFY mode        VARCHAR(16)   NULL COMMENT 'SELF_OPERATED or STAFF_OPERATED; MACHINE_TIME only',
    MODIFY quote_json  TEXT          NULL COMMENT 'MACHINE_TIME: the price quote as made at booking (QuoteView JSON), kept unchanged; TESTING: NULL (see testing_order_line)',
    ADD CONSTRAINT ck_so_kind CHECK (kind IN ('MACHINE_TIME', 'TESTING')),
    ADD CONSTRAINT ck_so_machine_time CHECK (kind <> 'MACHINE_TIME' OR (starts_at IS NOT NULL AND ends_at IS NOT NULL
        AND mode IS NOT NULL AND quote_json IS NOT NULL));

-- What the buyer sends and how (送样信息). One row per TESTING order.
CREATE TABLE testing_order (
    order_id              BIGINT        NOT NULL PRIMARY KEY,
    sample_description    VARCHAR(2000) NOT NULL COMMENT 'what the samples are: material, form, hazards, storage',
    courier               VARCHAR(64)   NULL COMMENT 'e.g. 顺丰速运; may be given after ordering',
    tracking_number       VARCHAR(64)   NULL,
    shipped_at            TIMESTAMP(3)  NULL COMMENT 'when the buyer gave the shipping details (UTC)',
    turnaround_days       INT           NULL COMMENT 'target, working days from receipt of the samples: the longest of the lines',
    samples_received_at   TIMESTAMP(3)  NULL,
    CONSTRAINT fk_to_order FOREIGN KEY (order_id) REFERENCES service_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The quote of a TESTING order: one line per service item ordered, prices copied when ordered
-- (fixed price) or when the operator quoted (on request, 面议); total_fen of the order = sum of
-- line_total_fen once every line is priced.
CREATE TABLE testing_order_line (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id          BIGINT        NOT NULL,
    service_item_id   BIGINT        NOT NULL,
    item_name         VARCHAR(200)  NOT NULL COMMENT 'as it was when ordered',
    sample_count      INT           NOT NULL,
    on_request        BOOLEAN       NOT NULL COMMENT 'the item had no fixed price: the operator quotes',
    unit_price_fen    BIGINT        NULL COMMENT 'fen per sample; NULL until quoted',
    line_total_fen    BIGINT        NULL COMMENT 'unit_price_fen × sample_count; NULL until quoted',
    turnaround_days   INT           NULL,
    CONSTRAINT fk_tol_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    CONSTRAINT fk_tol_item FOREIGN KEY (service_item_id) REFERENCES service_item (id),
    CONSTRAINT uq_tol_item UNIQUE (order_id, service_item_id),
    CONSTRAINT ck_tol_count CHECK (sample_count BETWEEN 1 AND 10000),
    CONSTRAINT ck_tol_price CHECK ((unit_price_fen IS NULL AND line_total_fen IS NULL)
        OR (unit_price_fen >= 0 AND line_total_fen = unit_price_fen * sample_count)),
    INDEX ix_tol_order (order_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Files in the file store (cn.dayi.marketplace.filestore). The bytes live under storage_key in the
-- configured store; sha256 is checked on every read.
CREATE TABLE stored_file (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    storage_key     VARCHAR(200)  NOT NULL,
    original_name   VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(128)  NOT NULL COMMENT 'detected from the bytes and consistent with the name',
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL COMMENT 'hex, lower case',
    created_by      BIGINT        NOT NULL,
    created_at      TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uq_stored_file_key UNIQUE (storage_key),
    CONSTRAINT fk_stored_file_person FOREIGN KEY (created_by) REFERENCES person (id),
    CONSTRAINT ck_stored_file_size CHECK (size_bytes >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Result files (检测报告, data) the operator uploaded for a TESTING order.
CREATE TABLE order_result_file (
    order_id     BIGINT        NOT NULL,
    file_id      BIGINT        NOT NULL,
    uploaded_by  BIGINT        NOT NULL,
    uploaded_at  TIMESTAMP(3)  NOT NULL,
    PRIMARY KEY (order_id, file_id),
    CONSTRAINT fk_orf_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    CONSTRAINT fk_orf_file FOREIGN KEY (file_id) REFERENCES stored_file (id),
    CONSTRAINT fk_orf_person FOREIGN KEY (uploaded_by) REFERENCES person (id),
    CONSTRAINT uq_orf_file UNIQUE (file_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reviews (评价): one per order, by the buyer after completion; the operator replies at most once.
CREATE TABLE order_review (
    order_id         BIGINT         NOT NULL PRIMARY KEY,
    instrument_id    BIGINT         NOT NULL COMMENT 'copied from the order, for instrument ratings',
    rating           TINYINT        NOT NULL COMMENT '1 to 5 stars',
    comment          VARCHAR(2000)  NULL,
    reviewer_id      BIGINT         NOT NULL,
    reviewed_at      TIMESTAMP(3)   NOT NULL,
    reply            VARCHAR(2000)  NULL,
    replied_by       BIGINT         NULL,
    replied_at       TIMESTAMP(3)   NULL,
    CONSTRAINT fk_or_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    CONSTRAINT fk_or_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_or_reviewer FOREIGN KEY (reviewer_id) REFERENCES person (id),
    CONSTRAINT fk_or_replier FOREIGN KEY (replied_by) REFERENCES person (id),
    CONSTRAINT ck_or_rating CHECK (rating BETWEEN 1 AND 5),
    INDEX ix_or_instrument (instrument_id, reviewed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
