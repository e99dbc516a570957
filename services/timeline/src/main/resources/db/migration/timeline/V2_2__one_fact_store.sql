-- One record-time fact store for every view (timeline and cohesion), with one record clock: the
-- event's recordedAt metadata (the store timestamp only for events stored without it).
--
-- Roles and memberships are keyed by the identifier of the event that recorded them (a global
-- position can repeat after a reset); position stays as the event's global position.
-- The rows written so far used the store timestamp as record time and have no fan-out rows, so
-- both slots are emptied and their processors start again from the first event (see below).

DELETE FROM tl_entry_actor;
DELETE FROM tl_entry_version;
DELETE FROM tl_source;
DELETE FROM tl_membership;
DELETE FROM tl_role;
DELETE FROM tl_actor;
UPDATE tl_projection_state SET building_slot = NULL, rebuild_started_at = NULL;

ALTER TABLE tl_role ADD COLUMN event_id VARCHAR(255) NOT NULL;
ALTER TABLE tl_role DROP CONSTRAINT tl_role_pkey;
ALTER TABLE tl_role ADD PRIMARY KEY (slot, event_id);
CREATE INDEX tl_role_actor ON tl_role (slot, actor_id);

ALTER TABLE tl_membership ADD COLUMN event_id VARCHAR(255) NOT NULL;
ALTER TABLE tl_membership DROP CONSTRAINT tl_membership_pkey;
ALTER TABLE tl_membership ADD PRIMARY KEY (slot, event_id);
CREATE INDEX tl_membership_actor ON tl_membership (slot, actor_id);

-- Fan-out on write: the rows a timeline page reads, one per (page owner, entry version, the actor's
-- part, cause). direct rows make an actor's own timeline (owner = a linked actor); the others make
-- a group's timeline: the group's own entries (direct rows of the group) plus the entries of its
-- members during membership and of persons during a role at a member (within both periods) or at
-- the group. cause_* is the membership and/or role that put the row there (the later of the two,
-- by position and by record time): the row is in a snapshot only when its cause is known there.
-- Group rows are re-resolved when a membership or role arrives after the entries it reaches.
CREATE TABLE tl_page_row (
    slot              CHAR(1)      NOT NULL,
    owner_id          VARCHAR(255) NOT NULL,
    event_time        TIMESTAMPTZ  NOT NULL,
    entry_id          VARCHAR(255) NOT NULL,
    version           INTEGER      NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    cause             VARCHAR(520) NOT NULL,
    direct            BOOLEAN      NOT NULL,
    cause_position    BIGINT,
    cause_recorded_at TIMESTAMPTZ,
    PRIMARY KEY (slot, owner_id, entry_id, version, role, cause)
);
CREATE INDEX tl_page_row_group ON tl_page_row (slot, owner_id, event_time, entry_id);
CREATE INDEX tl_page_row_actor ON tl_page_row (slot, owner_id, event_time, entry_id) WHERE direct;

-- Start every timeline processor again from the first event (token_entry belongs to the recorder's
-- migrations; a database holding only the read side's tables has no tokens to reset).
DO $$
BEGIN
    IF to_regclass('token_entry') IS NOT NULL THEN
        DELETE FROM token_entry WHERE processor_name IN ('timeline-a', 'timeline-b');
    END IF;
END
$$;
