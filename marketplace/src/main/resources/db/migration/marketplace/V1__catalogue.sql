-- Catalogue: reference data (national categories, regions), organisations, instruments,
-- and the search outbox that keeps Elasticsearch in step with these tables.
-- MySQL 8 / MariaDB 10.11 dialect. Money is BIGINT fen + CHAR(3) currency.

CREATE TABLE category (
    code        VARCHAR(4)   NOT NULL PRIMARY KEY COMMENT 'national top-level class, 01..15',
    name_zh     VARCHAR(32)  NOT NULL,
    name_en     VARCHAR(64)  NOT NULL,
    sort_order  INT          NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO category (code, name_zh, name_en, sort_order) VALUES
 ('01', '分析仪器',           'Analytical instruments',                 1),
 ('02', '物理性能测试仪器',   'Physical property testing instruments',  2),
 ('03', '计量仪器',           'Metrology instruments',                  3),
 ('04', '电子测量仪器',       'Electronic measuring instruments',       4),
 ('05', '海洋仪器',           'Marine instruments',                     5),
 ('06', '地球探测仪器',       'Earth exploration instruments',          6),
 ('07', '大气探测仪器',       'Atmospheric sounding instruments',       7),
 ('08', '天文仪器',           'Astronomical instruments',               8),
 ('09', '医学诊断仪器',       'Medical diagnostic instruments',         9),
 ('10', '核仪器',             'Nuclear instruments',                   10),
 ('11', '特种检测仪器',       'Special inspection instruments',        11),
 ('12', '激光器',             'Lasers',                                12),
 ('13', '工艺试验设备',       'Process test equipment',                13),
 ('14', '计算机及其配套设备', 'Computers and peripherals',             14),
 ('15', '其他',               'Other',                                 15);

CREATE TABLE region (
    code         VARCHAR(16)  NOT NULL PRIMARY KEY COMMENT 'GB/T 2260 code, ISO 3166-2 outside China',
    parent_code  VARCHAR(16)  NULL,
    level        VARCHAR(16)  NOT NULL COMMENT 'COUNTRY, PROVINCE, CITY, DISTRICT',
    name_zh      VARCHAR(64)  NOT NULL,
    name_en      VARCHAR(64)  NOT NULL,
    centre_lat   DECIMAL(9,6) NULL,
    centre_lon   DECIMAL(9,6) NULL,
    CONSTRAINT fk_region_parent FOREIGN KEY (parent_code) REFERENCES region (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO region (code, parent_code, level, name_zh, name_en, centre_lat, centre_lon) VALUES
 ('CN',       NULL,     'COUNTRY',  '中国',     'China',          NULL, NULL),
 ('440000',   'CN',     'PROVINCE', '广东省',   'Guangdong',      NULL, NULL),
 ('440300',   '440000', 'CITY',     '深圳市',   'Shenzhen',       22.543100, 114.057900),
 ('440303',   '440300', 'DISTRICT', '罗湖区',   'Luohu',          22.548400, 114.131600),
 ('440304',   '440300', 'DISTRICT', '福田区',   'Futian',         22.521500, 114.055300),
 ('440305',   '440300', 'DISTRICT', '南山区',   'Nanshan',        22.533200, 113.930400),
 ('440306',   '440300', 'DISTRICT', '宝安区',   'Bao''an',        22.555300, 113.883100),
 ('440307',   '440300', 'DISTRICT', '龙岗区',   'Longgang',       22.720700, 114.247900),
 ('440308',   '440300', 'DISTRICT', '盐田区',   'Yantian',        22.557400, 114.236700),
 ('440309',   '440300', 'DISTRICT', '龙华区',   'Longhua',        22.696900, 114.044900),
 ('440310',   '440300', 'DISTRICT', '坪山区',   'Pingshan',       22.690700, 114.346400),
 ('440311',   '440300', 'DISTRICT', '光明区',   'Guangming',      22.748800, 113.935900),
 ('440300DP', '440300', 'DISTRICT', '大鹏新区', 'Dapeng',         22.594800, 114.479600),
 ('GB',       NULL,     'COUNTRY',  '英国',     'United Kingdom', NULL, NULL),
 ('GB-FIF',   'GB',     'DISTRICT', '法夫',     'Fife',           56.339800, -2.796700);

CREATE TABLE organisation (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name_zh      VARCHAR(200) NOT NULL,
    name_en      VARCHAR(200) NULL,
    kind         VARCHAR(32)  NOT NULL COMMENT 'UNIVERSITY, RESEARCH_INSTITUTE, ENTERPRISE, HOSPITAL, TESTING_AGENCY, OTHER',
    region_code  VARCHAR(16)  NULL,
    source       VARCHAR(64)  NOT NULL,
    source_id    VARCHAR(191) NOT NULL,
    demo         BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_organisation_source UNIQUE (source, source_id),
    CONSTRAINT fk_organisation_region FOREIGN KEY (region_code) REFERENCES region (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE instrument (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                    VARCHAR(16)   NOT NULL COMMENT 'stable public code, derived from source + source_id',
    name                    VARCHAR(200)  NOT NULL,
    name_en                 VARCHAR(200)  NULL,
    model                   VARCHAR(120)  NULL,
    manufacturer            VARCHAR(120)  NULL,
    country_code            CHAR(2)       NULL COMMENT 'ISO 3166-1 alpha-2 country of manufacture',
    original_value_fen      BIGINT        NULL COMMENT '原值 in minor units of currency',
    currency                CHAR(3)       NOT NULL DEFAULT 'CNY',
    purchase_date           DATE          NULL,
    funding_source          VARCHAR(24)   NULL COMMENT 'CENTRAL_FISCAL, LOCAL_FISCAL, SELF_FUNDED, OTHER',
    owner_id                BIGINT        NOT NULL,
    department              VARCHAR(200)  NULL,
    address                 VARCHAR(300)  NULL,
    region_code             VARCHAR(16)   NULL COMMENT 'district',
    lat                     DECIMAL(9,6)  NULL,
    lon                     DECIMAL(9,6)  NULL,
    category_code           VARCHAR(4)    NULL,
    technical_parameters    TEXT          NULL,
    sample_requirements     TEXT          NULL,
    service_description     TEXT          NULL,
    sharing_mode            VARCHAR(16)   NOT NULL DEFAULT 'EXTERNAL' COMMENT 'EXTERNAL, INTERNAL_ONLY, NOT_SHARED',
    status                  VARCHAR(24)   NOT NULL DEFAULT 'IN_SERVICE' COMMENT 'IN_SERVICE, UNDER_MAINTENANCE, OUT_OF_SERVICE, RETIRED',
    contact_name            VARCHAR(120)  NULL,
    contact_phone           VARCHAR(64)   NULL,
    contact_email           VARCHAR(200)  NULL,
    contact_url             VARCHAR(500)  NULL,
    photo_url               VARCHAR(500)  NULL,
    source                  VARCHAR(64)   NOT NULL,
    source_id               VARCHAR(191)  NOT NULL,
    demo                    BOOLEAN       NOT NULL DEFAULT FALSE,
    content_hash            CHAR(64)      NOT NULL COMMENT 'SHA-256 of the imported content; unchanged rows are not rewritten',
    version                 INT           NOT NULL DEFAULT 0,
    created_at              TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at              TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    CONSTRAINT uq_instrument_code UNIQUE (code),
    CONSTRAINT uq_instrument_source UNIQUE (source, source_id),
    CONSTRAINT fk_instrument_owner FOREIGN KEY (owner_id) REFERENCES organisation (id),
    CONSTRAINT fk_instrument_region FOREIGN KEY (region_code) REFERENCES region (code),
    CONSTRAINT fk_instrument_category FOREIGN KEY (category_code) REFERENCES category (code),
    CONSTRAINT ck_instrument_value CHECK (original_value_fen IS NULL OR original_value_fen >= 0),
    CONSTRAINT ck_instrument_lat CHECK (lat IS NULL OR lat BETWEEN -90 AND 90),
    CONSTRAINT ck_instrument_lon CHECK (lon IS NULL OR lon BETWEEN -180 AND 180),
    INDEX ix_instrument_updated (updated_at),
    INDEX ix_instrument_owner (owner_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Transactional outbox: every change to an instrument (or to an organisation shown in its
-- search document) inserts a row here in the same transaction. The indexer drains it after
-- commit and on a timer; a row is deleted only after Elasticsearch acknowledged the document,
-- so the index cannot silently fall behind the database.
CREATE TABLE search_outbox (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    instrument_id  BIGINT       NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    attempts       INT          NOT NULL DEFAULT 0,
    last_error     VARCHAR(500) NULL,
    INDEX ix_search_outbox_instrument (instrument_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
