-- Contact's published face of right-party contacts (a conversation with the debtor), by
-- the account it was about, for rules that look for accounts nobody has reached lately
-- (casework's visit rule). A simple view, inlined by PostgreSQL.
CREATE VIEW contact_right_party_facts AS
SELECT account_id, started_at
FROM contact_interactions
WHERE result = 'CONVERSATION' AND role = 'CONSUMER' AND status <> 'BLOCKED';
