-- Who works an account (an agent owns it, or it is pooled: agent NULL, any agent may take
-- it), and which agent has it open right now (a
-- lease that ends by itself, so a closed browser does not hold an account for ever).
CREATE TABLE work_assignments (
    account_id   uuid PRIMARY KEY REFERENCES portfolio_accounts (id),
    agent        text,
    assigned_at  timestamptz NOT NULL,
    assigned_by  text        NOT NULL
);
CREATE INDEX work_assignments_agent_idx ON work_assignments (agent);

CREATE TABLE work_locks (
    account_id  uuid PRIMARY KEY REFERENCES portfolio_accounts (id),
    agent       text        NOT NULL,
    locked_at   timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
