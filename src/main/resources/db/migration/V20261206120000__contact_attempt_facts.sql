-- contact's published face for reporting: one row per outbound attempt, allowed or
-- blocked, with what contact counts as an attempt (one the gate let through), a
-- right-party contact (a conversation) and a blocked attempt. Other modules read these
-- columns, never contact_interactions; a simple view, so PostgreSQL inlines it and the
-- agent index serves a reader's filter on agent and started_at.
CREATE VIEW contact_attempt_facts AS
SELECT id                                 AS interaction_id,
       agent,
       started_at,
       status <> 'BLOCKED'                AS attempted,
       coalesce(result = 'CONVERSATION', false) AS right_party,
       status = 'BLOCKED'                 AS blocked
FROM contact_interactions
WHERE direction = 'OUTBOUND';
