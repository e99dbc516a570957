-- Runs of POST /api/audit/verify, kept so that a run's finding outlives the process and a run cut
-- short by a restart is reported as such (INTERRUPTED) instead of vanishing.
CREATE TABLE audit_verification (
    id                  VARCHAR(36)  NOT NULL PRIMARY KEY,
    state               VARCHAR(16)  NOT NULL, -- QUEUED, RUNNING, PASSED, FAILED, ERROR, INTERRUPTED
    checked             BIGINT       NOT NULL DEFAULT 0,
    total               BIGINT       NOT NULL DEFAULT 0,
    started_at          TIMESTAMPTZ  NOT NULL,
    finished_at         TIMESTAMPTZ,
    -- the last sign of life of the process running it (progress or heartbeat)
    updated_at          TIMESTAMPTZ  NOT NULL,
    mismatch_position   BIGINT,
    mismatch_leaf_index BIGINT,
    mismatch_reason     TEXT,
    error               TEXT
);
CREATE INDEX audit_verification_started ON audit_verification (started_at DESC);
