-- Only reversals name the entry they reverse. A unique constraint indexed every entry's NULL
-- as well (one index write per placement, adjustment and payment for nothing); a partial
-- unique index keeps the rule, an entry is reversed at most once, and indexes reversals only.
ALTER TABLE portfolio_ledger_entries DROP CONSTRAINT portfolio_ledger_entries_reverses_key;
CREATE UNIQUE INDEX portfolio_ledger_entries_reverses_idx ON portfolio_ledger_entries (reverses)
    WHERE reverses IS NOT NULL;
