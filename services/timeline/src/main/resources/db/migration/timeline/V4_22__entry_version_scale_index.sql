-- Cohesion from facts reads, besides the statements spoken within a group's reach, those weighed on
-- another scale (counted as evidence left out): found by this index instead of testing the scale in
-- every version's document. Also the entry type's own index (events of a reach: every event version
-- probed against the reach's links instead of every link probed for an event). Not partial: the
-- planner keeps statistics for an expression only with a whole-table index.
CREATE INDEX IF NOT EXISTS tl_entry_version_scale
    ON tl_entry_version (slot, entry_type, (lower(doc -> 'weight' ->> 'scale')));
