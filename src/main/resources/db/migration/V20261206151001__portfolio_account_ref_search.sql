-- An account is found by any part of its reference ("0000029" finds "KNB-PL-00000291"):
-- a trigram index serves LIKE/ILIKE with the text anywhere (pg_trgm, created by
-- V20261126160000).
CREATE INDEX portfolio_accounts_ref_trgm_idx ON portfolio_accounts USING gin (account_ref public.gin_trgm_ops);
