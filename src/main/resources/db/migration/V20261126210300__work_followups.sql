-- Follow-ups for agents, raised once per cause (a broken promise or plan).
CREATE TABLE work_followups (
    id           uuid PRIMARY KEY,
    account_id   uuid        NOT NULL REFERENCES portfolio_accounts (id),
    due_at       timestamptz NOT NULL,
    cause        text        NOT NULL,
    cause_ref    text        NOT NULL,
    reason       text        NOT NULL,
    assigned_to  text,
    created_at   timestamptz NOT NULL,
    done_at      timestamptz,
    done_by      text,
    UNIQUE (cause, cause_ref)
);
CREATE INDEX work_followups_due_idx ON work_followups (due_at) WHERE done_at IS NULL;
