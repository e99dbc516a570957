-- The transaction that stored each event (xid8: 64-bit, never wraps), so readers of the history can
-- tell which events might still be joined by an earlier position whose transaction has not
-- committed yet. Events stored before this migration all get the migration's own transaction id:
-- they are committed, and ordered among themselves by global_index.
ALTER TABLE domain_event_entry
    ADD COLUMN tx_id xid8 NOT NULL DEFAULT pg_current_xact_id();

-- The history's commit-safe order: by storing transaction, then position.
CREATE INDEX domain_event_entry_tx_position ON domain_event_entry (tx_id, global_index);
