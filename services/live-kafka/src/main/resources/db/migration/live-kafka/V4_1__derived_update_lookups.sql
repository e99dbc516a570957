-- The Kafka derived-updates publisher asks, for each event, which timeline rows the event made:
-- entry versions recorded at its position, and page rows it caused (a membership or role that
-- reached existing entries). Without these indexes each question scans the fact store.
CREATE INDEX IF NOT EXISTS tl_entry_version_from_position
    ON tl_entry_version (slot, recorded_from_position);
CREATE INDEX IF NOT EXISTS tl_page_row_cause_position
    ON tl_page_row (slot, cause_position) WHERE cause_position IS NOT NULL;
