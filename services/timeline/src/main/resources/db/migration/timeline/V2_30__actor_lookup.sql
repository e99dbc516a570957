-- The fact store's read API finds actors by name, alias or external id: the actor rows keep their
-- aliases and external ids, and search_text (lower-cased name, aliases and external id values, one
-- per line) is what a search matches, with a trigram index so a substring search stays an index
-- scan however many actors there are.
ALTER TABLE tl_actor ADD COLUMN aliases      TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE tl_actor ADD COLUMN external_ids JSONB  NOT NULL DEFAULT '{}';
ALTER TABLE tl_actor ADD COLUMN search_text  TEXT;

-- Rows projected before this migration: aliases and external ids from the stored registrations,
-- when the event store lives in the same database (a rebuild fills them in any case).
DO $$
BEGIN
    IF to_regclass('domain_event_entry') IS NOT NULL THEN
        UPDATE tl_actor a
           SET aliases = CASE WHEN jsonb_typeof(e.payload -> 'aliases') = 'array'
                              THEN coalesce((SELECT array_agg(x)
                                               FROM jsonb_array_elements_text(e.payload -> 'aliases') x),
                                            '{}')
                              ELSE '{}' END,
               external_ids = CASE WHEN jsonb_typeof(e.payload -> 'externalIds') = 'object'
                                   THEN e.payload -> 'externalIds' ELSE '{}' END
          FROM (SELECT aggregate_identifier, convert_from(payload, 'UTF8')::jsonb AS payload
                  FROM domain_event_entry
                 WHERE payload_type = 'org.entente.api.actor.ActorRegistered') e
         WHERE e.aggregate_identifier = a.actor_id;
    END IF;
END $$;

UPDATE tl_actor
   SET search_text = lower(name || E'\n' || array_to_string(aliases, E'\n') || E'\n'
       || coalesce((SELECT string_agg(value, E'\n') FROM jsonb_each_text(external_ids)), ''));
ALTER TABLE tl_actor ALTER COLUMN search_text SET NOT NULL;

-- Keyset pages in name order (also with a kind filter).
CREATE INDEX tl_actor_name ON tl_actor (slot, lower(name), actor_id);

-- pg_trgm ships with PostgreSQL's contrib (and the embedded binaries) and is a trusted extension,
-- so the schema owner may create it. Where it is missing, searches fall back to a scan.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX tl_actor_search ON tl_actor USING gin (search_text gin_trgm_ops);
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm not available (%): actor search scans tl_actor', SQLERRM;
END $$;
