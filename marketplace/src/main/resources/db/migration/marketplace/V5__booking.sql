-- Machine-time booking (机时预约): opening hours and blackouts of an instrument, service orders with
-- an explicit lifecycle and an append-only audit trail, the slots an order holds, and offline
-- corporate bank transfers (对公转账).
--
-- NO DOUBLE BOOKING. Time on an instrument is cut into slots on a grid (slot_minutes, counted from
-- each opening time). booking_slot has PRIMARY KEY (instrument_id, slot_start): a booking inserts
-- one row per slot it covers, plus its buffer slots after its end, in the SAME transaction as its
-- service_order row. A second booking of any of those slots fails on the key (the second insert
-- waits for the first transaction's key lock, then fails or — if the first rolled back — succeeds),
-- so two orders can never hold the same slot, whatever the concurrency or the number of app nodes.
-- Orders that end without using their time (REJECTED, CANCELLED, EXPIRED, NO_SHOW) delete their
-- slot rows in the same transaction as the state change, which frees the time for others.

-- How an instrument is booked: grid, buffer, notice. One row per instrument; none = not bookable.
CREATE TABLE instrument_booking_policy (
    instrument_id       BIGINT   NOT NULL PRIMARY KEY,
    slot_minutes        INT      NOT NULL DEFAULT 30 COMMENT 'length of one slot; bookings start and end on the grid',
    buffer_minutes      INT      NOT NULL DEFAULT 0 COMMENT 'kept free after each booking (cleaning, warm-up), rounded up to whole slots',
    min_notice_hours    INT      NOT NULL DEFAULT 24 COMMENT 'a booking starts at least this long after it is made',
    max_advance_days    INT      NOT NULL DEFAULT 60 COMMENT 'a booking starts at most this many days ahead',
    updated_at          TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_ibp_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT ck_ibp_slot CHECK (slot_minutes IN (15, 30, 60, 120, 240)),
    CONSTRAINT ck_ibp_numbers CHECK (buffer_minutes >= 0 AND min_notice_hours >= 0 AND max_advance_days >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Weekly opening hours, local time Asia/Shanghai; several intervals a day are allowed (e.g. a lunch break).
CREATE TABLE instrument_availability (
    instrument_id   BIGINT  NOT NULL,
    weekday         TINYINT NOT NULL COMMENT '1 = Monday … 7 = Sunday (ISO)',
    opens_at        TIME    NOT NULL COMMENT 'local time Asia/Shanghai',
    closes_at       TIME    NOT NULL COMMENT 'local time Asia/Shanghai, after opens_at (same day)',
    PRIMARY KEY (instrument_id, weekday, opens_at),
    CONSTRAINT fk_ia_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT ck_ia_weekday CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT ck_ia_hours CHECK (closes_at > opens_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Times the instrument cannot be booked although it would be open.
CREATE TABLE instrument_blackout (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    instrument_id   BIGINT        NOT NULL,
    starts_at       TIMESTAMP(3)  NOT NULL COMMENT 'UTC',
    ends_at         TIMESTAMP(3)  NOT NULL COMMENT 'UTC, exclusive',
    reason          VARCHAR(16)   NOT NULL COMMENT 'MAINTENANCE, HOLIDAY, INCIDENT',
    note            VARCHAR(500)  NULL,
    created_by      BIGINT        NULL,
    created_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_ib_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT ck_ib_window CHECK (ends_at > starts_at),
    CONSTRAINT ck_ib_reason CHECK (reason IN ('MAINTENANCE', 'HOLIDAY', 'INCIDENT')),
    INDEX ix_ib_instrument (instrument_id, starts_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An order for an instrument's services. kind MACHINE_TIME (机时预约) for now; testing orders (送样检测) later.
CREATE TABLE service_order (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    kind                    VARCHAR(16)   NOT NULL DEFAULT 'MACHINE_TIME' COMMENT 'MACHINE_TIME (later TESTING)',
    instrument_id           BIGINT        NOT NULL,
    operator_id             BIGINT        NOT NULL COMMENT 'the operator holding the instrument when ordered',
    buyer_org_id            BIGINT        NOT NULL,
    buyer_person_id         BIGINT        NOT NULL,
    state                   VARCHAR(16)   NOT NULL COMMENT 'SUBMITTED, ACCEPTED, REJECTED, AWAITING_PAYMENT, CONFIRMED, IN_SERVICE, COMPLETED, REVIEWED, CANCELLED, NO_SHOW, EXPIRED',
    mode                    VARCHAR(16)   NOT NULL COMMENT 'SELF_OPERATED (自主上机) or STAFF_OPERATED (代操作)',
    starts_at               TIMESTAMP(3)  NOT NULL COMMENT 'UTC',
    ends_at                 TIMESTAMP(3)  NOT NULL COMMENT 'UTC, exclusive',
    note                    VARCHAR(1000) NULL,
    quote_json              TEXT          NOT NULL COMMENT 'the price quote as made at booking (QuoteView JSON), kept unchanged',
    total_fen               BIGINT        NOT NULL,
    currency                CHAR(3)       NOT NULL DEFAULT 'CNY',
    cancellation_fee_fen    BIGINT        NULL COMMENT 'set when the buyer cancels',
    hold_expires_at         TIMESTAMP(3)  NULL COMMENT 'the hold lapses (EXPIRED) unless answered / paid by then',
    version                 INT           NOT NULL DEFAULT 0,
    created_at              TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at              TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_so_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_so_operator FOREIGN KEY (operator_id) REFERENCES organisation (id),
    CONSTRAINT fk_so_buyer_org FOREIGN KEY (buyer_org_id) REFERENCES organisation (id),
    CONSTRAINT fk_so_buyer_person FOREIGN KEY (buyer_person_id) REFERENCES person (id),
    CONSTRAINT ck_so_window CHECK (ends_at > starts_at),
    CONSTRAINT ck_so_total CHECK (total_fen >= 0),
    INDEX ix_so_operator (operator_id, state, starts_at),
    INDEX ix_so_buyer (buyer_org_id, starts_at),
    INDEX ix_so_hold (state, hold_expires_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Audit trail of orders: who moved which order from which state to which, when and why. Append-only.
CREATE TABLE service_order_event (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id         BIGINT        NOT NULL,
    event            VARCHAR(32)   NOT NULL COMMENT 'past tense: SUBMITTED, ACCEPTED, REJECTED, PAID_BY_BANK_TRANSFER, CHECKED_IN, CHECKED_OUT, MARKED_NO_SHOW, CANCELLED, EXPIRED',
    from_state       VARCHAR(16)   NULL,
    to_state         VARCHAR(16)   NOT NULL,
    actor_person_id  BIGINT        NULL COMMENT 'null for the scheduler',
    reason           VARCHAR(1000) NULL,
    at               TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_soe_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    INDEX ix_soe_order (order_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The no-double-booking guarantee (see the top of this file): one row per held slot.
CREATE TABLE booking_slot (
    instrument_id   BIGINT       NOT NULL,
    slot_start      TIMESTAMP(3) NOT NULL COMMENT 'UTC instant of a grid point',
    order_id        BIGINT       NOT NULL,
    buffer          BOOLEAN      NOT NULL DEFAULT FALSE COMMENT 'held as the buffer after the booking, not used',
    PRIMARY KEY (instrument_id, slot_start),
    CONSTRAINT fk_bs_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_bs_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    INDEX ix_bs_order (order_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Offline corporate bank transfers (对公转账) recorded by the operator's finance staff. An order is
-- paid once (UNIQUE order_id) and a bank reference pays one order (UNIQUE reference).
CREATE TABLE payment_record (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    order_id         BIGINT        NOT NULL,
    method           VARCHAR(16)   NOT NULL DEFAULT 'BANK_TRANSFER',
    amount_fen       BIGINT        NOT NULL,
    currency         CHAR(3)       NOT NULL DEFAULT 'CNY',
    reference        VARCHAR(64)   NOT NULL COMMENT 'the bank''s transaction reference (流水号)',
    recorded_by      BIGINT        NOT NULL,
    recorded_at      TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_pr_order FOREIGN KEY (order_id) REFERENCES service_order (id),
    CONSTRAINT fk_pr_person FOREIGN KEY (recorded_by) REFERENCES person (id),
    CONSTRAINT uq_payment_order UNIQUE (order_id),
    CONSTRAINT uq_payment_reference UNIQUE (reference),
    CONSTRAINT ck_pr_amount CHECK (amount_fen > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
