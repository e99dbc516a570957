-- A rebuild makes its slot's stored cohesion before the slot goes live: once the replay has caught
-- up, every group of the rebuilt slot is marked in one transaction that sets this flag, and from
-- then on the slot's batches mark the groups they move (as the live slot's do); the switch waits
-- until the background refresh has recomputed them. Until this column, groups were marked at the
-- switch and every cohesion series was computed from facts for minutes after a large rebuild.
ALTER TABLE tl_projection_state ADD COLUMN building_marks_cohesion BOOLEAN NOT NULL DEFAULT FALSE;
