-- What command handlers ask about other aggregates (is this id an actor, of which kind; is this
-- diplomatic event retracted), one row per aggregate, so a check is one primary-key lookup instead
-- of a read of the aggregate's event stream. Written in the same transaction as the events it
-- reflects (ReferenceWriter); `version` is the aggregate's last sequence number and guards the
-- append like the event table's unique key does.
CREATE TABLE aggregate_reference (
    aggregate_id VARCHAR(255) NOT NULL,
    kind         VARCHAR(32)  NOT NULL, -- ACTOR, SOURCE, DIPLOMATIC_EVENT, STATEMENT (OTHER: unknown)
    actor_kind   VARCHAR(32),           -- ActorKind of an actor
    retracted    BOOLEAN      NOT NULL DEFAULT FALSE,
    version      BIGINT       NOT NULL,
    PRIMARY KEY (aggregate_id)
);

-- Backfill from the events stored before this table existed.
INSERT INTO aggregate_reference (aggregate_id, kind, actor_kind, retracted, version)
SELECT o.aggregate_identifier,
       CASE o.payload_type
           WHEN 'org.entente.api.actor.ActorRegistered' THEN 'ACTOR'
           WHEN 'org.entente.api.source.SourceRegistered' THEN 'SOURCE'
           WHEN 'org.entente.api.event.DiplomaticEventRecorded' THEN 'DIPLOMATIC_EVENT'
           WHEN 'org.entente.api.statement.StatementRecorded' THEN 'STATEMENT'
           ELSE 'OTHER'
       END,
       CASE WHEN o.payload_type = 'org.entente.api.actor.ActorRegistered'
           THEN convert_from(o.payload, 'UTF8')::json ->> 'kind'
       END,
       EXISTS (SELECT 1 FROM domain_event_entry r
               WHERE r.aggregate_identifier = o.aggregate_identifier
                 AND r.payload_type IN ('org.entente.api.event.DiplomaticEventRetracted',
                                        'org.entente.api.statement.StatementRetracted')),
       (SELECT max(m.sequence_number) FROM domain_event_entry m
        WHERE m.aggregate_identifier = o.aggregate_identifier)
FROM domain_event_entry o
WHERE o.sequence_number = 0;
