-- The supervisor's "paid today" reads the ledger entries recorded since midnight. The
-- ledger is append-only, so recorded_at follows the table's physical order and a BRIN
-- index finds a day's entries from a few block ranges, for a few kilobytes on disk and
-- next to nothing per entry written (a B-tree would cost every import an entry per row).
CREATE INDEX portfolio_ledger_entries_recorded_brin ON portfolio_ledger_entries USING brin (recorded_at);
