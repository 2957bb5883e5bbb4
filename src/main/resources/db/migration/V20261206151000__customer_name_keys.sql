-- A customer's name as a plain Latin key (NameKey: transliterated from any script, one
-- spelling of the vowels, aspirates and doubled letters), written with the name by the
-- customer module, so that "Sreeja" finds ശ്രീജ and श्रीजा. Customers stored before this
-- get their keys at the next start (NameKeyBackfill); until then the name as written is
-- still searched. A trigram index finds a key inside the keys, as for the name.
ALTER TABLE customer_customers ADD COLUMN name_key text;
CREATE INDEX customer_customers_name_key_trgm_idx ON customer_customers USING gin (name_key public.gin_trgm_ops);

-- Customer's published face for search: the name lower-cased (matched as typed, on the
-- trigram index of V20261126160000) and its key. A simple view, inlined by PostgreSQL.
CREATE VIEW customer_search_facts AS
SELECT id AS customer_id, lower(name) AS name_lower, name_key
FROM customer_customers;
