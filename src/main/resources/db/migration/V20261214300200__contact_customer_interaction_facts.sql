-- contact_customer_interaction_facts: when each interaction with a customer, on any channel
-- and in either direction, was recorded. Next account reads it to see whether the customer
-- was contacted since it prepared one of their accounts for an agent (then it asks the
-- gate again instead of handing the prepared one out).
CREATE VIEW contact_customer_interaction_facts AS
SELECT customer_id, started_at, recorded_at
FROM contact_interactions;
