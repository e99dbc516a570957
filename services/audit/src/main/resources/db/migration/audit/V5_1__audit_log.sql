-- The tamper-evident audit log: an RFC 6962 Merkle tree over the event table's global order.

-- Every perfect subtree of the log: level 0 holds the leaf hashes, level L the hash of leaves
-- [idx·2^L, (idx+1)·2^L). About two rows per event; any root or proof needs O(log n) of them.
CREATE TABLE audit_node (
    level SMALLINT NOT NULL,
    idx   BIGINT   NOT NULL,
    hash  BYTEA    NOT NULL,
    PRIMARY KEY (level, idx)
);

-- Leaf i of the log is the event at this position (global index); positions ascend with i.
CREATE TABLE audit_leaf (
    leaf_index BIGINT       NOT NULL PRIMARY KEY,
    position   BIGINT       NOT NULL UNIQUE,
    event_id   VARCHAR(255) NOT NULL UNIQUE
);

-- One row: the log's size, the last position appended, and the fence: a position that was taken
-- before transaction fence_xmax was next to start. Once every transaction older than fence_xmax has
-- ended, every position up to fence_position is settled (committed or never will be).
CREATE TABLE audit_log_state (
    id             SMALLINT NOT NULL PRIMARY KEY CHECK (id = 1),
    tree_size      BIGINT   NOT NULL,
    last_position  BIGINT   NOT NULL,
    fence_position BIGINT,
    fence_xmax     xid8
);
INSERT INTO audit_log_state (id, tree_size, last_position) VALUES (1, 0, 0);

-- Signed tree heads, as published.
CREATE TABLE audit_tree_head (
    tree_size BIGINT       NOT NULL,
    root_hash BYTEA        NOT NULL,
    issued_at BIGINT       NOT NULL,
    key_id    VARCHAR(64)  NOT NULL,
    signature BYTEA        NOT NULL,
    PRIMARY KEY (tree_size, issued_at)
);

-- The log only grows: nodes, leaves and heads are never changed or removed.
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_node_append_only BEFORE UPDATE OR DELETE ON audit_node
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_leaf_append_only BEFORE UPDATE OR DELETE ON audit_leaf
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_tree_head_append_only BEFORE UPDATE OR DELETE ON audit_tree_head
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();

-- Gap safety needs every transaction to hold a transaction id before it takes a position: then a
-- position read from the sequence was taken by a transaction that a later snapshot lists as
-- running (or that has ended). Without this, a transaction takes its position first (the column
-- default) and its id only when the row is written, a window in which no snapshot shows it.
CREATE OR REPLACE FUNCTION next_event_position() RETURNS BIGINT
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_current_xact_id();
    RETURN nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'));
END;
$$;
ALTER TABLE domain_event_entry ALTER COLUMN global_index SET DEFAULT next_event_position();
