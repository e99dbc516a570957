-- Which demo datasets the standalone process has loaded, so the demo loads on first start only.
-- Standalone migrations use the version range 9.x (recorder 1.x, timeline 2.x, cohesion 3.x).
CREATE TABLE demo_dataset_load (
    dataset        VARCHAR(255) NOT NULL, -- resource name of the NDJSON file
    dataset_sha256 VARCHAR(64)  NOT NULL, -- hex SHA-256 of the file as loaded
    lines          INTEGER      NOT NULL,
    created        INTEGER      NOT NULL, -- lines that stored events
    replayed       INTEGER      NOT NULL, -- lines answered from an earlier run (idempotency key)
    rejected       INTEGER      NOT NULL,
    loaded_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (dataset)
);
