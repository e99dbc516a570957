-- Make the event table append-only. Run as a superuser AFTER the first start (when Flyway has
-- created domain_event_entry), and again is harmless:
--
--   psql -h HOST -U postgres -d entente -v ON_ERROR_STOP=1 \
--        -f infra/postgres/02-append-only-event-store.sql
--
-- Events are facts: corrections and retractions are new events, nothing is edited or deleted.
-- The service only ever INSERTs and SELECTs here (Axon's JDBC storage engine). Tokens, views,
-- idempotency records and snapshots stay writable.

REVOKE UPDATE, DELETE, TRUNCATE ON entente.domain_event_entry FROM entente_app;
REVOKE UPDATE, DELETE, TRUNCATE ON entente.domain_event_entry FROM PUBLIC;
GRANT SELECT, INSERT ON entente.domain_event_entry TO entente_app;

-- Also refuse changes by roles that still hold the privilege (the owner, a mistaken GRANT).
-- Only a superuser or the owner can drop or disable these triggers, and that shows in the logs.
CREATE OR REPLACE FUNCTION entente.refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
ALTER FUNCTION entente.refuse_event_change() OWNER TO entente_migrator;

DROP TRIGGER IF EXISTS domain_event_entry_append_only ON entente.domain_event_entry;
CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON entente.domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION entente.refuse_event_change();

DROP TRIGGER IF EXISTS domain_event_entry_no_truncate ON entente.domain_event_entry;
CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON entente.domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION entente.refuse_event_change();
