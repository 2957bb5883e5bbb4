-- Every interaction on every channel: attempts (allowed or blocked by the gate) and
-- contacts the person started. High volume, insert-only but for the one-time setting of
-- an attempt's result when it was logged before its outcome was known.
CREATE TABLE contact_interactions (
    id              uuid PRIMARY KEY,
    customer_id     uuid        NOT NULL REFERENCES customer_customers (id),
    account_id      uuid        NOT NULL REFERENCES portfolio_accounts (id),
    channel         text        NOT NULL,
    address         text,
    direction       text        NOT NULL,
    role            text        NOT NULL,
    purpose         text        NOT NULL,
    status          text        NOT NULL,
    result          text,
    started_at      timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL,
    agent           text        NOT NULL,
    note            text,
    decision_id     uuid,
    blocked_reason  text
);
CREATE INDEX contact_interactions_customer_idx ON contact_interactions (customer_id, started_at);

CREATE TABLE contact_interaction_debts (
    interaction_id  uuid NOT NULL REFERENCES contact_interactions (id),
    account_id      uuid NOT NULL REFERENCES portfolio_accounts (id),
    PRIMARY KEY (interaction_id, account_id)
);
CREATE INDEX contact_interaction_debts_account_idx ON contact_interaction_debts (account_id);
