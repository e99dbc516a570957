-- Cohesion stored incrementally (docs/cohesion.md, "Storage"): per slot, group, channel (PAIR or
-- INSTITUTION) and change day (a day with an interaction or a change of the member set), the
-- indicator's sums at the end of that day, over the pairs counted then. A series point between two
-- change days is the earlier state decayed: Σ S(t) = Σ S(day) · e^(−λ (t − end(day))). Written by
-- the fact-store projection in the transaction of the batch that changed the group's facts.
CREATE TABLE tl_cohesion_state (
    slot         CHAR(1)          NOT NULL,
    group_id     TEXT             NOT NULL,
    channel      TEXT             NOT NULL,
    day          DATE             NOT NULL,
    sum_s        DOUBLE PRECISION NOT NULL,
    sum_a        DOUBLE PRECISION NOT NULL,
    sum_w        DOUBLE PRECISION NOT NULL,
    observed     INTEGER          NOT NULL,
    negative     INTEGER          NOT NULL,
    member_pairs INTEGER          NOT NULL,
    PRIMARY KEY (slot, group_id, channel, day)
);

-- What a series states besides its points: its evidence counts, the scale versions used and the
-- first and last interaction (the default window).
CREATE TABLE tl_cohesion_summary (
    slot            CHAR(1) NOT NULL,
    group_id        TEXT    NOT NULL,
    interactions    INTEGER NOT NULL,
    duplicates      INTEGER NOT NULL,
    other_scale     INTEGER NOT NULL,
    first_time      TIMESTAMPTZ,
    last_time       TIMESTAMPTZ,
    scale_versions  TEXT[]  NOT NULL,
    PRIMARY KEY (slot, group_id)
);
