-- Groups whose stored cohesion a fact-store batch has moved and that wait for their recomputation
-- (CohesionRefresher). The projection only marks a group here, in its batch's transaction, so a
-- batch never pays for recomputing a large group; a series of a marked group is computed from its
-- facts (exact) until the refresher has stored its states again. `generation` grows with each mark:
-- the refresher clears a mark only if no batch marked the group again while it recomputed.
CREATE TABLE tl_cohesion_dirty (
    slot       CHAR(1) NOT NULL,
    group_id   TEXT    NOT NULL,
    generation BIGINT  NOT NULL DEFAULT 1,
    PRIMARY KEY (slot, group_id)
);
