-- The derived-updates publisher reads, once per batch, the page rows of the entry versions its
-- events recorded: by entry and version, which tl_page_row's primary key (owner first) cannot find.
CREATE INDEX IF NOT EXISTS tl_page_row_entry ON tl_page_row (slot, entry_id, version);
