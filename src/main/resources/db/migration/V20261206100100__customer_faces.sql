-- Customer's published faces (see V20261206100000): what routing of accounts to agents
-- reads of a customer. Simple views, inlined by PostgreSQL.

-- A customer's language (ISO 639-1), matched against the languages agents speak.
CREATE VIEW customer_routing_facts AS
SELECT id AS customer_id, language
FROM customer_customers;

-- The regions (state, province; upper case) of a customer's addresses, one row an
-- address, matched against the regions agents cover and queues filter on.
CREATE VIEW customer_region_facts AS
SELECT customer_id, upper(state) AS region
FROM customer_addresses;
