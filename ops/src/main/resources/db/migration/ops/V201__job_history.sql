-- Job history: one row per execution of a Quartz job on any node, written by
-- cn.dayi.ops.history.JobHistoryListener (a Quartz JobListener). A row is inserted when the job
-- starts (outcome RUNNING) and completed when it ends (SUCCEEDED or FAILED, with the message and
-- the number of items the use case processed). A run whose node died stays RUNNING; Quartz
-- recovers the job on another node (requestRecovery) as a new row with recovering = TRUE.
CREATE TABLE job_run (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_name          VARCHAR(190)  NOT NULL COMMENT 'Quartz job key name, e.g. hold-expiry',
    trigger_name      VARCHAR(190)  NOT NULL COMMENT 'the schedule (cron trigger) or a manual trigger (run now, retry)',
    fire_instance_id  VARCHAR(95)   NOT NULL COMMENT 'Quartz fire instance id, unique across the cluster',
    node              VARCHAR(190)  NOT NULL COMMENT 'Quartz scheduler instance id (AUTO: host name + start time)',
    scheduled_at      TIMESTAMP(3)  NULL COMMENT 'UTC; when the trigger was due (null for manual runs)',
    started_at        TIMESTAMP(3)  NOT NULL COMMENT 'UTC',
    finished_at       TIMESTAMP(3)  NULL COMMENT 'UTC; null while running',
    outcome           VARCHAR(16)   NOT NULL COMMENT 'RUNNING, SUCCEEDED, FAILED',
    message           VARCHAR(1000) NULL COMMENT 'what happened, in words (the failure reason for FAILED)',
    items_processed   INT           NULL COMMENT 'how many items the use case handled (orders expired, parties settled …)',
    parameter         VARCHAR(64)   NULL COMMENT 'the business parameter of the run, e.g. period=2026-10 for settlement',
    recovering        BOOLEAN       NOT NULL DEFAULT FALSE COMMENT 'a re-execution after a node died mid-run',
    requested_by      BIGINT        NULL COMMENT 'person who pressed run now / retry; null for the schedule',
    retry_of          BIGINT        NULL COMMENT 'the failed run this one retries',
    CONSTRAINT uq_job_run_fire UNIQUE (fire_instance_id),
    CONSTRAINT ck_job_run_outcome CHECK (outcome IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    INDEX ix_job_run_job (job_name, started_at),
    INDEX ix_job_run_started (started_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
