-- The cohesion projection (processing group "cohesion"): what the indicator is computed from.
-- Every row keeps the id of the event message that wrote it (replays skip it) and its record time,
-- so the indicator can be computed as known at any past record time (asOf).
CREATE TABLE cohesion_actor (
    actor_id    VARCHAR(255) PRIMARY KEY,
    kind        VARCHAR(32)  NOT NULL,
    name        TEXT         NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    message_id  VARCHAR(255) NOT NULL UNIQUE
);

CREATE TABLE cohesion_membership (
    message_id  VARCHAR(255) PRIMARY KEY,
    member_id   VARCHAR(255) NOT NULL,
    group_id    VARCHAR(255) NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE,
    recorded_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE cohesion_role (
    message_id  VARCHAR(255) PRIMARY KEY,
    person_id   VARCHAR(255) NOT NULL,
    title       TEXT         NOT NULL,
    at_actor_id VARCHAR(255) NOT NULL,
    valid_from  DATE         NOT NULL,
    valid_to    DATE,
    recorded_at TIMESTAMPTZ  NOT NULL
);

-- One row per known version of a statement or diplomatic event, valid in record time from
-- recorded_from until recorded_to (open while current). A retraction is a version too.
CREATE TABLE cohesion_fact_version (
    fact_kind     VARCHAR(16)  NOT NULL,
    fact_id       VARCHAR(255) NOT NULL,
    version       INTEGER      NOT NULL,
    message_id    VARCHAR(255) NOT NULL UNIQUE,
    recorded_from TIMESTAMPTZ  NOT NULL,
    recorded_to   TIMESTAMPTZ,
    retracted     BOOLEAN      NOT NULL,
    occurred_at   TIMESTAMPTZ,
    body          JSONB        NOT NULL,
    PRIMARY KEY (fact_kind, fact_id, version)
);

CREATE INDEX cohesion_fact_version_current ON cohesion_fact_version (fact_kind, fact_id)
    WHERE recorded_to IS NULL;
CREATE INDEX cohesion_fact_version_record_time ON cohesion_fact_version (recorded_from, recorded_to);
