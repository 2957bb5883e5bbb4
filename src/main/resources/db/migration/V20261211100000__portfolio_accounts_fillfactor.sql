-- An account row is rewritten by every payment, reversal, interest run and aging pass.
-- With pages packed full (fillfactor 100, as an import's COPY leaves them) none of these
-- updates can stay on its page, so each writes a new entry into every index of the table,
-- the trigram index of account references included: a bank statement of 100,000 payments
-- spent most of its balance update there. Room for one more version of each row on its
-- page lets PostgreSQL update in place (a heap-only tuple) when no indexed column changes,
-- as for balances. Applies to the pages written from now on (imports, placements).
ALTER TABLE portfolio_accounts SET (fillfactor = 80);
