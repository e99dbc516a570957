-- The timeline read model. Every row belongs to a slot ('a' or 'b'): the live slot answers queries
-- while the other can be rebuilt from the first event (blue/green), then takes over.
-- Record time: each entry version holds [recorded_from, recorded_to) as instants (the event store
-- timestamp of the event that made / superseded it) and as global positions (ties broken there).

CREATE TABLE tl_projection_state (
    projection             VARCHAR(64) PRIMARY KEY,
    live_slot              CHAR(1)     NOT NULL CHECK (live_slot IN ('a', 'b')),
    building_slot          CHAR(1)     CHECK (building_slot IN ('a', 'b')),
    rebuild_started_at     TIMESTAMPTZ,
    last_switched_at       TIMESTAMPTZ,
    last_rebuild_seconds   DOUBLE PRECISION,
    last_rebuild_position  BIGINT,
    CHECK (building_slot IS NULL OR building_slot <> live_slot)
);

INSERT INTO tl_projection_state (projection, live_slot) VALUES ('timeline', 'a');

CREATE TABLE tl_actor (
    slot        CHAR(1)      NOT NULL,
    actor_id    VARCHAR(255) NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    name        TEXT         NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL,
    position    BIGINT       NOT NULL,
    PRIMARY KEY (slot, actor_id)
);

-- A person's role at a state or organisation for a period (to_date inclusive, NULL while it lasts).
CREATE TABLE tl_role (
    slot        CHAR(1)      NOT NULL,
    position    BIGINT       NOT NULL,
    actor_id    VARCHAR(255) NOT NULL,
    title       TEXT         NOT NULL,
    at_actor_id VARCHAR(255) NOT NULL,
    from_date   DATE         NOT NULL,
    to_date     DATE,
    recorded_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (slot, position)
);
CREATE INDEX tl_role_at ON tl_role (slot, at_actor_id);

-- Membership of an actor in a group for a period (to_date inclusive, NULL while it lasts).
CREATE TABLE tl_membership (
    slot        CHAR(1)      NOT NULL,
    position    BIGINT       NOT NULL,
    actor_id    VARCHAR(255) NOT NULL,
    group_id    VARCHAR(255) NOT NULL,
    from_date   DATE         NOT NULL,
    to_date     DATE,
    recorded_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (slot, position)
);
CREATE INDEX tl_membership_group ON tl_membership (slot, group_id);

CREATE TABLE tl_source (
    slot         CHAR(1)      NOT NULL,
    source_id    VARCHAR(255) NOT NULL,
    publisher    TEXT,
    url          TEXT,
    title        TEXT,
    published_at TIMESTAMPTZ,
    language     VARCHAR(35),
    recorded_at  TIMESTAMPTZ  NOT NULL,
    position     BIGINT       NOT NULL,
    PRIMARY KEY (slot, source_id)
);

-- One row per version of a timeline entry (a diplomatic event or a statement). The current
-- version has recorded_to NULL. doc is the whole entry as known in that version.
CREATE TABLE tl_entry_version (
    slot                   CHAR(1)      NOT NULL,
    entry_id               VARCHAR(255) NOT NULL,
    version                INTEGER      NOT NULL,
    entry_type             VARCHAR(16)  NOT NULL,
    kind                   VARCHAR(32)  NOT NULL,
    event_time             TIMESTAMPTZ  NOT NULL,
    best_grade             SMALLINT,
    topics                 TEXT[]       NOT NULL DEFAULT '{}',
    recorded_from          TIMESTAMPTZ  NOT NULL,
    recorded_from_position BIGINT       NOT NULL,
    recorded_to            TIMESTAMPTZ,
    recorded_to_position   BIGINT,
    doc                    JSONB        NOT NULL,
    PRIMARY KEY (slot, entry_id, version)
);
CREATE INDEX tl_entry_version_current ON tl_entry_version (slot, entry_id)
    WHERE recorded_to_position IS NULL;
CREATE INDEX tl_entry_version_time ON tl_entry_version (slot, event_time, entry_id);

-- Which actors a version concerns, and how: SPEAKER, TARGET (statements), PARTICIPANT (events).
CREATE TABLE tl_entry_actor (
    slot     CHAR(1)      NOT NULL,
    entry_id VARCHAR(255) NOT NULL,
    version  INTEGER      NOT NULL,
    actor_id VARCHAR(255) NOT NULL,
    role     VARCHAR(16)  NOT NULL,
    PRIMARY KEY (slot, entry_id, version, actor_id, role)
);
CREATE INDEX tl_entry_actor_actor ON tl_entry_actor (slot, actor_id, role);
