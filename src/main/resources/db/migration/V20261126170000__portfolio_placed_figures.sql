-- The creditor's own figures as last placed. A re-placement is compared with these, not
-- with the live balances, so payments posted here since are never undone by a repeat of
-- the same file; a changed figure is posted as the creditor's movement (new - last placed).
ALTER TABLE portfolio_accounts
    ADD COLUMN placed_principal numeric(19,4),
    ADD COLUMN placed_interest  numeric(19,4),
    ADD COLUMN placed_fees      numeric(19,4),
    ADD COLUMN placed_overdue   numeric(19,4);
UPDATE portfolio_accounts a SET
    placed_principal = coalesce((SELECT sum(principal) FROM portfolio_ledger_entries e
                                 WHERE e.account_id = a.id AND e.entry_type IN ('PLACEMENT', 'ADJUSTMENT')), 0),
    placed_interest  = coalesce((SELECT sum(interest) FROM portfolio_ledger_entries e
                                 WHERE e.account_id = a.id AND e.entry_type IN ('PLACEMENT', 'ADJUSTMENT')), 0),
    placed_fees      = coalesce((SELECT sum(fees) FROM portfolio_ledger_entries e
                                 WHERE e.account_id = a.id AND e.entry_type IN ('PLACEMENT', 'ADJUSTMENT')), 0),
    placed_overdue   = coalesce((SELECT sum(overdue) FROM portfolio_ledger_entries e
                                 WHERE e.account_id = a.id AND e.entry_type IN ('PLACEMENT', 'ADJUSTMENT')), 0);
ALTER TABLE portfolio_accounts
    ALTER COLUMN placed_principal SET NOT NULL,
    ALTER COLUMN placed_interest SET NOT NULL,
    ALTER COLUMN placed_fees SET NOT NULL,
    ALTER COLUMN placed_overdue SET NOT NULL;

CREATE UNIQUE INDEX portfolio_creditors_code_ci_idx ON portfolio_creditors (lower(code));
