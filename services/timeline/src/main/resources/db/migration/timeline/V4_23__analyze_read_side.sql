-- Fresh planner statistics for the read side's tables, for the application's role (which owns no
-- table, so cannot ANALYZE them itself). Both slots share each table: while a rebuild fills one,
-- the statistics still say it is empty (autovacuum analyzes after its threshold and its nap, and
-- not at all where it is off), and on such statistics the cohesion's fact queries of that slot ran
-- a per-row subplan over the whole slot: one group's statements took 123.7 s instead of 0.3 s
-- (20,000-line history, EXPLAIN ANALYZE on PostgreSQL 15). The rebuild calls it as its replay grows
-- (at position 2,000, then each time it doubled), when it has caught up, and after the switch.
CREATE OR REPLACE FUNCTION tl_analyze() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    ANALYZE tl_entry_version, tl_entry_actor, tl_page_row, tl_membership, tl_role, tl_actor,
        tl_source, tl_cohesion_state;
END
$$;
