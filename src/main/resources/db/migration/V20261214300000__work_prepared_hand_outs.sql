-- A lease may be prepared: next account chose the account for the agent ahead of their
-- ask (after their last hand-out, or when they opened the desk), checked it in full and
-- asked the compliance gate then. The account is leased to the agent from that moment, so
-- nobody else takes it (work_locks' key is the account), but it is not yet theirs to open:
-- their ask hands it out after a short check of what may have changed since (locked_at is
-- when it was prepared), or lets it go and walks as before. An agent has at most one
-- prepared lease; it ends by itself at expires_at like any lease.
ALTER TABLE work_locks
    ADD COLUMN prepared     boolean NOT NULL DEFAULT false,
    ADD COLUMN account_ref  text,
    ADD COLUMN follow_up_id uuid,
    ADD COLUMN cause        text,
    ADD COLUMN queue_name   text,
    ADD COLUMN pooled       boolean NOT NULL DEFAULT false,
    ADD COLUMN waits        boolean NOT NULL DEFAULT true,
    ADD COLUMN passed_over  text[];
CREATE UNIQUE INDEX work_locks_prepared_idx ON work_locks (agent) WHERE prepared;
CREATE INDEX work_locks_agent_idx ON work_locks (agent);

-- A prepared lease is nobody's open account yet.
CREATE OR REPLACE VIEW work_lease_facts AS
SELECT account_id, agent, locked_at, expires_at
FROM work_locks
WHERE NOT prepared;
