-- Field visits: a visit to a customer's address, asked for from the desk, the API or the
-- visit rule, given to the field agent whose area holds the address's postal code, checked
-- in on site through the compliance gate (channel VISIT) and closed with its outcome.
CREATE TABLE casework_field_agents (
    username                 text        PRIMARY KEY,
    -- the PIN or ZIP codes the agent covers; an entry ending in '*' covers every code it
    -- begins
    postal_codes             text[]      NOT NULL DEFAULT '{}',
    -- the letter of authorisation the creditor or agency gives the agent, and the agent's
    -- identity card, each current through its expiry date
    authorisation_number     text,
    authorisation_expires_on date,
    id_card_number           text,
    id_card_expires_on       date,
    updated_at               timestamptz NOT NULL,
    updated_by               text        NOT NULL
);
CREATE INDEX casework_field_agents_codes_idx ON casework_field_agents USING gin (postal_codes);

CREATE TABLE casework_visits (
    id             uuid          PRIMARY KEY,
    account_id     uuid          NOT NULL,
    customer_id    uuid          NOT NULL,
    reason         text          NOT NULL,
    source         text          NOT NULL CHECK (source IN ('DESK', 'API', 'RULE')),
    due_on         date          NOT NULL,
    address        text,
    postal_code    text,
    agent          text,
    status         text          NOT NULL CHECK (status IN ('OPEN', 'CHECKED_IN', 'DONE', 'CANCELLED')),
    requested_at   timestamptz   NOT NULL,
    requested_by   text          NOT NULL,
    checked_in_at  timestamptz,
    latitude       numeric(9, 6),
    longitude      numeric(9, 6),
    accuracy_m     numeric(9, 1),
    interaction_id uuid,
    outcome        text CHECK (outcome IN ('MET', 'NOT_MET', 'ADDRESS_WRONG', 'PROMISE', 'PAYMENT_COLLECTED',
                                           'REFUSED')),
    outcome_at     timestamptz,
    outcome_note   text,
    arrangement_id uuid,
    payment_id     uuid,
    cheque_number  text,
    receipt_number text,
    CHECK ((status = 'DONE') = (outcome IS NOT NULL)),
    CHECK (status = 'OPEN' OR status = 'CANCELLED' OR checked_in_at IS NOT NULL)
);
CREATE INDEX casework_visits_agent_idx ON casework_visits (agent, due_on);
CREATE INDEX casework_visits_due_idx ON casework_visits (due_on) WHERE status IN ('OPEN', 'CHECKED_IN');
-- one visit at a time per account
CREATE UNIQUE INDEX casework_visits_one_open_idx ON casework_visits (account_id)
    WHERE status IN ('OPEN', 'CHECKED_IN');

-- who gave a visit to whom, and why (append-only)
CREATE TABLE casework_visit_assignments (
    visit_id    uuid        NOT NULL REFERENCES casework_visits (id),
    agent       text,
    assigned_at timestamptz NOT NULL,
    assigned_by text        NOT NULL,
    why         text        NOT NULL
);
CREATE INDEX casework_visit_assignments_visit_idx ON casework_visit_assignments (visit_id);
