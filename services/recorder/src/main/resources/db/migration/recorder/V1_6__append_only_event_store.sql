-- The event table is append-only in every deployment: events are facts, and corrections and
-- retractions are new events. Axon's JDBC engine only INSERTs into and SELECTs from it.
-- The triggers refuse UPDATE, DELETE and TRUNCATE by anyone, the table's owner and superusers
-- included; only the owner or a superuser can drop or disable them, and that is a visible DDL act.
CREATE OR REPLACE FUNCTION refuse_event_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

DROP TRIGGER IF EXISTS domain_event_entry_append_only ON domain_event_entry;
CREATE TRIGGER domain_event_entry_append_only
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();

DROP TRIGGER IF EXISTS domain_event_entry_no_truncate ON domain_event_entry;
CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_change();

-- Privileges as well, so a non-owner role cannot even try. PUBLIC never may; the service's own
-- role, when infra/postgres/01-roles-and-schema.sql created it (entente_app), may read and append.
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM PUBLIC;
DO
$$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'entente_app') THEN
        REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM entente_app;
        GRANT SELECT, INSERT ON domain_event_entry TO entente_app;
    END IF;
END
$$;
