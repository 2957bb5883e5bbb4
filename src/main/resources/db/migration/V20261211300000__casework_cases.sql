-- Cases: disputes, complaints, legal referrals and referrals to a senior. Each has a type,
-- a status, an owner (a user or a team), deadlines computed from rules, a timeline, and
-- the account, customer and hold it concerns.
CREATE SEQUENCE casework_case_numbers START 1001;

CREATE TABLE casework_cases (
    id               uuid        NOT NULL PRIMARY KEY,
    number           bigint      NOT NULL UNIQUE DEFAULT nextval('casework_case_numbers'),
    type             text        NOT NULL CHECK (type IN ('DISPUTE', 'COMPLAINT', 'LEGAL', 'REFERRAL')),
    status           text        NOT NULL,
    account_id       uuid        NOT NULL,
    customer_id      uuid        NOT NULL,
    creditor_id      uuid        NOT NULL,
    jurisdiction     text        NOT NULL,
    category         text        NOT NULL,
    channel          text,
    description      text        NOT NULL,
    amount           numeric(19, 4),
    currency         text        NOT NULL,
    received_on      date        NOT NULL,
    owner_user       text,
    owner_team       uuid,
    hold_id          uuid,
    holds_collection boolean     NOT NULL DEFAULT false,
    -- the rule that decided whether the case holds collection, as a message key and its arguments
    why_key          text,
    why_args         text[],
    due_on           date,
    -- what the case's type needs beyond the columns (a proceeding's facts), as JSON
    facts            jsonb       NOT NULL DEFAULT '{}',
    outcome          text,
    outcome_reason   text,
    closed_at        timestamptz,
    closed_by        text,
    opened_at        timestamptz NOT NULL,
    opened_by        text        NOT NULL,
    version          integer     NOT NULL DEFAULT 0,
    CONSTRAINT casework_cases_closed CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)),
    CONSTRAINT casework_cases_amount CHECK (amount IS NULL OR amount > 0)
);

CREATE INDEX casework_cases_open_due_idx ON casework_cases (due_on, number) WHERE status <> 'CLOSED';
CREATE INDEX casework_cases_account_idx ON casework_cases (account_id, opened_at DESC);
CREATE INDEX casework_cases_owner_idx ON casework_cases (owner_user) WHERE status <> 'CLOSED';

-- Each date a case must meet, with the rule that set it; done when met.
CREATE TABLE casework_deadlines (
    case_id   uuid        NOT NULL REFERENCES casework_cases (id),
    code      text        NOT NULL,
    position  integer     NOT NULL,
    due_on    date,
    rule_key  text        NOT NULL,
    rule_args text[]      NOT NULL DEFAULT '{}',
    done_at   timestamptz,
    PRIMARY KEY (case_id, code)
);

-- What happened on a case, with who and why; never changed once written.
CREATE TABLE casework_timeline (
    id         bigserial   NOT NULL PRIMARY KEY,
    case_id    uuid        NOT NULL REFERENCES casework_cases (id),
    at         timestamptz NOT NULL,
    by_user    text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('OPENED', 'NOTE', 'STATUS', 'LETTER', 'DOCUMENT', 'OWNER', 'OUTCOME')),
    status     text,
    text       text,
    letter_id  uuid,
    document   bytea,
    file_name  text,
    media_type text
);

CREATE INDEX casework_timeline_case_idx ON casework_timeline (case_id, id);

CREATE OR REPLACE FUNCTION casework_timeline_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a case''s timeline is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER casework_timeline_no_change BEFORE UPDATE OR DELETE ON casework_timeline
    FOR EACH ROW EXECUTE FUNCTION casework_timeline_append_only();

-- Legal costs of a case: charged to the account (as fees, in the ledger) where the creditor's
-- policy makes them recoverable, else kept as the agency's expense.
CREATE TABLE casework_legal_costs (
    id          bigserial      NOT NULL PRIMARY KEY,
    case_id     uuid           NOT NULL REFERENCES casework_cases (id),
    amount      numeric(19, 4) NOT NULL CHECK (amount > 0),
    currency    text           NOT NULL,
    description text           NOT NULL,
    recovered   boolean        NOT NULL,
    recorded_at timestamptz    NOT NULL,
    recorded_by text           NOT NULL
);

-- A creditor's casework policy.
CREATE TABLE casework_creditor_settings (
    creditor_id             uuid    NOT NULL PRIMARY KEY,
    legal_costs_recoverable boolean NOT NULL DEFAULT false
);
