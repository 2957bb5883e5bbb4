-- Customer's published face of where its customers live, for field visits: the postal
-- code (PIN, ZIP) of each address in use (not marked wrong or not to be used), without spaces, upper case. A simple
-- view, inlined by PostgreSQL.
CREATE VIEW customer_postal_facts AS
SELECT customer_id, upper(regexp_replace(postal_code, '\s', '', 'g')) AS postal_code, country
FROM customer_addresses
WHERE status = 'VALID' AND postal_code IS NOT NULL;
