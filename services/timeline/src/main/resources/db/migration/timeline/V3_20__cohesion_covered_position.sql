-- The stored cohesion of a group says which history it was computed from: every event up to
-- `covers_position` (the slot's safe position read before its facts were). A reader that needs a
-- group's cohesion including a given event (the derived-updates publisher) reads the stored rows
-- when they cover it, even if a later batch has marked the group again, instead of recomputing.
-- NULL: stored before this column existed (or by a caller that does not know): covers nothing.
ALTER TABLE tl_cohesion_summary ADD COLUMN covers_position BIGINT;
