-- Full-cost pricing (issue 3 §3) and prices for buyers (§5): an instrument's cost inputs, its
-- tariffs (收费标准) as dated versions, the fiscal authority's pricing guidance per national
-- category, and service items (检测项目). Money is BIGINT fen + CHAR(3) currency; rates are basis
-- points (10,000 bp = 100 %). MySQL 8 / MariaDB 10.11 dialect.

-- What an instrument's full cost is made of (pricing.cost.CostInputs), one row per instrument,
-- updated in place under optimistic locking (version). Not versioned rows: a published tariff
-- copies its cost basis (tariff.cost_basis_fen), so every price ever quoted stays reproducible
-- from the tariff table alone; these inputs are the operator's working figures.
CREATE TABLE instrument_cost (
    instrument_id                 BIGINT        NOT NULL PRIMARY KEY,
    original_value_fen            BIGINT        NOT NULL COMMENT '原值, fen',
    currency                      CHAR(3)       NOT NULL DEFAULT 'CNY',
    residual_rate_bp              INT           NOT NULL COMMENT 'residual value / original value, bp',
    useful_life_years             INT           NOT NULL COMMENT 'straight-line depreciation life',
    annual_staff_cost_fen         BIGINT        NOT NULL DEFAULT 0,
    annual_maintenance_fen        BIGINT        NOT NULL DEFAULT 0,
    power_kw                      DECIMAL(12,3) NOT NULL DEFAULT 0 COMMENT 'average draw while running, kW',
    electricity_fen_per_kwh       BIGINT        NOT NULL DEFAULT 0,
    annual_facility_overhead_fen  BIGINT        NOT NULL DEFAULT 0 COMMENT 'room, air conditioning, gases, shared services',
    consumables_per_sample_fen    BIGINT        NOT NULL DEFAULT 0,
    samples_per_hour              DECIMAL(12,3) NOT NULL DEFAULT 1,
    expected_annual_hours         INT           NOT NULL DEFAULT 1400 COMMENT 'MoE standard: 1,400 machine-hours a year',
    set_by                        BIGINT        NOT NULL COMMENT 'person who saved these figures',
    set_at                        TIMESTAMP(3)  NOT NULL,
    version                       INT           NOT NULL DEFAULT 0 COMMENT 'optimistic lock, +1 per save',
    CONSTRAINT fk_instrument_cost_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_instrument_cost_person FOREIGN KEY (set_by) REFERENCES person (id),
    CONSTRAINT ck_instrument_cost_value CHECK (original_value_fen > 0),
    CONSTRAINT ck_instrument_cost_residual CHECK (residual_rate_bp BETWEEN 0 AND 10000),
    CONSTRAINT ck_instrument_cost_life CHECK (useful_life_years >= 1),
    CONSTRAINT ck_instrument_cost_amounts CHECK (annual_staff_cost_fen >= 0 AND annual_maintenance_fen >= 0
        AND power_kw >= 0 AND electricity_fen_per_kwh >= 0 AND annual_facility_overhead_fen >= 0
        AND consumables_per_sample_fen >= 0),
    CONSTRAINT ck_instrument_cost_throughput CHECK (samples_per_hour > 0),
    CONSTRAINT ck_instrument_cost_hours CHECK (expected_annual_hours BETWEEN 1 AND 8784)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Tariff versions (pricing.tariff.Tariff). A published version is never changed: a new price is a
-- new version, and publishing it sets effective_to of the previous open version to the day before
-- the new one starts (the only column ever updated, in the same transaction). Orders and quotes
-- keep (code, version), so an old quote can always be priced again.
CREATE TABLE tariff (
    id                        BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    instrument_id             BIGINT        NOT NULL,
    code                      VARCHAR(64)   NOT NULL COMMENT 'stable across versions, e.g. TEM-HOUR',
    version                   INT           NOT NULL COMMENT '1, 2, 3 … per (instrument, code)',
    charge_unit               VARCHAR(16)   NOT NULL COMMENT 'HOUR, HALF_DAY, DAY, SAMPLE, TEST_ITEM',
    cost_basis_fen            BIGINT        NOT NULL COMMENT 'full cost of one unit when published, fen',
    currency                  CHAR(3)       NOT NULL DEFAULT 'CNY',
    academic_markup_bp        INT           NOT NULL COMMENT 'ACADEMIC_EXTERNAL markup over cost; INTERNAL is always at cost',
    commercial_markup_bp      INT           NOT NULL COMMENT 'COMMERCIAL markup over cost',
    after_hours_surcharge_bp  INT           NOT NULL DEFAULT 0,
    urgent_surcharge_bp       INT           NOT NULL DEFAULT 0,
    minimum_charge_fen        BIGINT        NOT NULL DEFAULT 0,
    volume_bands              VARCHAR(2000) NOT NULL DEFAULT '[]'
        COMMENT 'JSON [{"fromQuantity":10,"discountBp":500}, …], ascending; read only with its tariff',
    cost_lines                VARCHAR(2000) NULL
        COMMENT 'JSON [{"component":"DEPRECIATION","amountFen":27143}, …]: cost_basis_fen itemised when published; NULL when the basis was given directly',
    effective_from            DATE          NOT NULL COMMENT 'first day, Asia/Shanghai',
    effective_to              DATE          NULL COMMENT 'last day inclusive; NULL = open-ended',
    created_by                BIGINT        NOT NULL,
    created_at                TIMESTAMP(3)  NOT NULL,
    CONSTRAINT uq_tariff_version UNIQUE (instrument_id, code, version),
    CONSTRAINT fk_tariff_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_tariff_person FOREIGN KEY (created_by) REFERENCES person (id),
    CONSTRAINT ck_tariff_unit CHECK (charge_unit IN ('HOUR', 'HALF_DAY', 'DAY', 'SAMPLE', 'TEST_ITEM')),
    CONSTRAINT ck_tariff_version CHECK (version >= 1),
    CONSTRAINT ck_tariff_cost CHECK (cost_basis_fen > 0),
    CONSTRAINT ck_tariff_markups CHECK (academic_markup_bp >= 0 AND commercial_markup_bp >= academic_markup_bp
        AND commercial_markup_bp <= 1000000),
    CONSTRAINT ck_tariff_surcharges CHECK (after_hours_surcharge_bp BETWEEN 0 AND 1000000
        AND urgent_surcharge_bp BETWEEN 0 AND 1000000),
    CONSTRAINT ck_tariff_minimum CHECK (minimum_charge_fen >= 0),
    CONSTRAINT ck_tariff_range CHECK (effective_to IS NULL OR effective_to >= effective_from),
    INDEX ix_tariff_effective (instrument_id, effective_from, effective_to)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Pricing guidance (统一定价) per national category: every buyer class's unit price must lie in
-- [floor, cap] × cost basis (pricing.tariff.PricingGuidance). Set by a fiscal officer or admin.
CREATE TABLE pricing_guidance (
    category_code  VARCHAR(4)    NOT NULL PRIMARY KEY,
    floor_bp       INT           NOT NULL COMMENT 'lowest price / cost, bp; 10,000 = not below cost',
    cap_bp         INT           NOT NULL COMMENT 'highest price / cost, bp; 30,000 = at most 3 × cost',
    set_by         BIGINT        NULL COMMENT 'NULL for the seeded placeholders',
    set_at         TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_pricing_guidance_category FOREIGN KEY (category_code) REFERENCES category (code),
    CONSTRAINT fk_pricing_guidance_person FOREIGN KEY (set_by) REFERENCES person (id),
    CONSTRAINT ck_pricing_guidance_band CHECK (floor_bp >= 0 AND cap_bp >= 10000 AND floor_bp <= cap_bp)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- PLACEHOLDERS, not policy: at cost at least, three times cost at most, for all 15 categories, so
-- that operators can publish tariffs from day one. The fiscal authority sets the real bands
-- (PUT /api/v1/pricing-guidance/{categoryCode}); set_by NULL marks a value nobody has set yet.
INSERT INTO pricing_guidance (category_code, floor_bp, cap_bp)
SELECT code, 10000, 30000 FROM category;

-- Service items (检测项目): what a buyer can order as testing, with a fixed price or on request.
CREATE TABLE service_item (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    instrument_id        BIGINT        NOT NULL,
    name                 VARCHAR(200)  NOT NULL,
    name_en              VARCHAR(200)  NULL,
    unit_price_fen       BIGINT        NULL COMMENT 'per sample or item, fen; NULL = price on request (面议)',
    currency             CHAR(3)       NOT NULL DEFAULT 'CNY',
    sample_requirements  VARCHAR(2000) NULL,
    turnaround_days      INT           NULL COMMENT 'working days from receipt of the sample to the report',
    active               BOOLEAN       NOT NULL DEFAULT TRUE COMMENT 'inactive items are kept for old orders, not shown',
    created_by           BIGINT        NOT NULL,
    created_at           TIMESTAMP(3)  NOT NULL,
    updated_at           TIMESTAMP(3)  NOT NULL,
    version              INT           NOT NULL DEFAULT 0,
    CONSTRAINT fk_service_item_instrument FOREIGN KEY (instrument_id) REFERENCES instrument (id),
    CONSTRAINT fk_service_item_person FOREIGN KEY (created_by) REFERENCES person (id),
    CONSTRAINT ck_service_item_price CHECK (unit_price_fen IS NULL OR unit_price_fen >= 0),
    CONSTRAINT ck_service_item_turnaround CHECK (turnaround_days IS NULL OR turnaround_days BETWEEN 0 AND 365),
    INDEX ix_service_item_instrument (instrument_id, active)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
