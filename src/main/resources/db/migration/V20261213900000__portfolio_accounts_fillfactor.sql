-- An account's row is rewritten on every payment, reversal, adjustment and aging; with its
-- pages full, each rewrite is a new tuple on another page and an entry in every index of
-- the table (seven, one of them a trigram GIN). Leaving a fifth of each page free lets
-- most of those rewrites stay on their page as heap-only tuples, touching no index unless
-- an indexed column (bucket, status) changes. Rows written from now on are laid out so;
-- existing rows move with VACUUM FULL or pg_repack when convenient.
ALTER TABLE portfolio_accounts SET (fillfactor = 80);
