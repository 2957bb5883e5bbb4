-- Name search matches anywhere in the name ("kumar" finds "Anil Kumar"); a trigram index
-- keeps that fast over millions of customers. pg_trgm ships with PostgreSQL (contrib) and
-- is a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
DROP INDEX customer_customers_name_idx;
CREATE INDEX customer_customers_name_trgm_idx ON customer_customers USING gin (lower(name) public.gin_trgm_ops);
