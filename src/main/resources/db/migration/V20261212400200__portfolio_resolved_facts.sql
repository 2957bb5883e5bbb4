-- Accounts resolved: paid in full or settled, with when (the ledger entry that closed
-- them: the last one recorded) and their creditor. Reporting counts a month's resolved
-- accounts against targets from this face.
CREATE VIEW portfolio_resolved_facts AS
SELECT a.id AS account_id, a.creditor_id, a.status,
       (SELECT max(e.recorded_at) FROM portfolio_ledger_entries e WHERE e.account_id = a.id) AS resolved_at
FROM portfolio_accounts a
WHERE a.status IN ('PAID', 'SETTLED');

CREATE INDEX portfolio_accounts_resolved_idx ON portfolio_accounts (status) WHERE status IN ('PAID', 'SETTLED');
