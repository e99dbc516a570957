-- Cohesion reads the timeline's fact store (tl_*) now: its own copy of the facts goes, with the
-- tokens of its processor.
DROP TABLE cohesion_fact_version;
DROP TABLE cohesion_role;
DROP TABLE cohesion_membership;
DROP TABLE cohesion_actor;

DO $$
BEGIN
    IF to_regclass('token_entry') IS NOT NULL THEN
        DELETE FROM token_entry WHERE processor_name = 'cohesion';
    END IF;
END
$$;
