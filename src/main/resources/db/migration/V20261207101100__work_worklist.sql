-- The agent's worklist: the answers to their approval requests they have opened (each
-- shown until then), and the callbacks given to each agent found by the agent.
CREATE TABLE work_answers_seen (
    agent        text        NOT NULL,
    approval_id  uuid        NOT NULL,
    seen_at      timestamptz NOT NULL,
    PRIMARY KEY (agent, approval_id)
);
CREATE INDEX work_followups_assigned_idx ON work_followups (assigned_to, due_at) WHERE done_at IS NULL;
