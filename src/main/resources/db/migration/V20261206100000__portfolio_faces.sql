-- Portfolio's published faces: what other modules may read of its accounts, creditors and
-- ledger, and nothing else of its tables (DESIGN, Architecture; ModuleSqlBoundaryTests).
-- Each is a simple view over one table (no join, aggregate, DISTINCT or window), which
-- PostgreSQL inlines into the statement that names it: the plan is the one the statement
-- would have on the table, with the same indexes, and a row lock taken through
-- portfolio_account_facts (next account's FOR NO KEY UPDATE ... SKIP LOCKED) locks the
-- account's row. A column may be renamed or computed here; the table behind can then
-- change without the readers changing.

-- An account as work sees it: who it is owed to and by, whether it is worked, and the
-- figures queues filter and order on (the balance is principal + interest + fees).
CREATE VIEW portfolio_account_facts AS
SELECT id, creditor_id, customer_id, status, bucket, days_past_due, principal, interest, fees, overdue_amount,
       placed_at
FROM portfolio_accounts;

-- A creditor's code (queue filters name creditors by it) and country (agents without a
-- current recovery-agent certificate get no Indian accounts).
CREATE VIEW portfolio_creditor_facts AS
SELECT id, code, country
FROM portfolio_creditors;

-- A ledger entry's amounts by balance component, as a payment shows how it was applied.
CREATE VIEW portfolio_ledger_entry_facts AS
SELECT id, account_id, principal, interest, fees, credit, overdue
FROM portfolio_ledger_entries;
