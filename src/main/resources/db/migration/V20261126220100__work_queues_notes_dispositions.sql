-- Team queues: a lead's filter over the accounts nobody owns, and the order agents take
-- them in.
CREATE TABLE work_queues (
    id          uuid        NOT NULL PRIMARY KEY,
    team_id     uuid        NOT NULL REFERENCES identity_teams (id),
    name        text        NOT NULL,
    filters     jsonb       NOT NULL,
    sort        text        NOT NULL,
    priority    integer     NOT NULL DEFAULT 100,
    active      boolean     NOT NULL DEFAULT true,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (team_id, name)
);

-- Agents' notes on an account, insert-only.
CREATE TABLE work_notes (
    id          uuid        NOT NULL PRIMARY KEY,
    account_id  uuid        NOT NULL REFERENCES portfolio_accounts (id),
    body        text        NOT NULL,
    written_by  text        NOT NULL,
    written_at  timestamptz NOT NULL
);
CREATE INDEX work_notes_account_idx ON work_notes (account_id, written_at);

-- How each call ended and what came of it, insert-only: the desk's record of an agent's
-- work, which the supervisor's figures count.
CREATE TABLE work_dispositions (
    id              uuid        NOT NULL PRIMARY KEY,
    account_id      uuid        NOT NULL REFERENCES portfolio_accounts (id),
    interaction_id  uuid,
    result          text        NOT NULL,
    outcome         text,
    amount          numeric(19, 4),
    currency        text,
    detail          text,
    agent           text        NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX work_dispositions_account_idx ON work_dispositions (account_id, recorded_at);
CREATE INDEX work_dispositions_agent_idx ON work_dispositions (agent, recorded_at);
