-- Contact's published face for reporting's daily counters (see V20261206120000): each
-- outbound attempt with the account it was about, its channel and the compliance decision
-- that let it through or blocked it. A simple view, inlined by PostgreSQL.
CREATE VIEW contact_attempt_report_facts AS
SELECT id AS interaction_id, account_id, agent, channel, started_at,
       status <> 'BLOCKED'                      AS attempted,
       coalesce(result = 'CONVERSATION', false) AS right_party,
       status = 'BLOCKED'                       AS blocked,
       decision_id
FROM contact_interactions
WHERE direction = 'OUTBOUND';

CREATE INDEX contact_interactions_started_idx ON contact_interactions (started_at) WHERE direction = 'OUTBOUND';
