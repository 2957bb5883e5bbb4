-- Promises to pay, payment plans, settlements, waivers and deferments, with their
-- instalments, the authority matrix, approvals and a step-by-step history.
CREATE TABLE arrangement_settings (
    creditor_id        uuid PRIMARY KEY REFERENCES portfolio_creditors (id),
    tolerance          numeric(20, 4) NOT NULL,
    grace_days         integer        NOT NULL,
    missed_to_break    integer        NOT NULL
);

CREATE TABLE arrangement_authority (
    creditor_id             uuid          NOT NULL REFERENCES portfolio_creditors (id),
    role                    text          NOT NULL,
    max_discount_pct        numeric(5, 2) NOT NULL,
    max_waiver              numeric(20, 4),
    longest_plan_months     integer       NOT NULL,
    smallest_instalment     numeric(20, 4) NOT NULL,
    min_first_payment_pct   numeric(5, 2) NOT NULL,
    max_deferment_days      integer       NOT NULL,
    PRIMARY KEY (creditor_id, role)
);

CREATE TABLE arrangement_arrangements (
    id                uuid PRIMARY KEY,
    account_id        uuid           NOT NULL REFERENCES portfolio_accounts (id),
    creditor_id       uuid           NOT NULL REFERENCES portfolio_creditors (id),
    kind              text           NOT NULL,
    status            text           NOT NULL,
    currency          char(3)        NOT NULL,
    amount            numeric(20, 4) NOT NULL,
    balance_at_start  numeric(20, 4) NOT NULL,
    paid              numeric(20, 4) NOT NULL DEFAULT 0,
    frequency         text,
    channel           text,
    component         text,
    deferment_days    integer,
    offer_expires_on  date,
    reason            text,
    created_at        timestamptz    NOT NULL,
    created_by        text           NOT NULL,
    activated_at      timestamptz,
    closed_at         timestamptz,
    closed_by         text,
    close_reason      text,
    partial           boolean        NOT NULL DEFAULT false
);
CREATE INDEX arrangement_arrangements_account_idx ON arrangement_arrangements (account_id, created_at);
CREATE INDEX arrangement_arrangements_open_idx ON arrangement_arrangements (status) WHERE status IN ('ACTIVE', 'PENDING_APPROVAL');
-- at most one open promise, plan or settlement per account
CREATE UNIQUE INDEX arrangement_one_open_per_account ON arrangement_arrangements (account_id)
    WHERE status IN ('ACTIVE', 'PENDING_APPROVAL') AND kind IN ('PROMISE', 'PLAN', 'SETTLEMENT');

CREATE TABLE arrangement_instalments (
    arrangement_id  uuid           NOT NULL REFERENCES arrangement_arrangements (id),
    seq             integer        NOT NULL,
    due_on          date           NOT NULL,
    amount          numeric(20, 4) NOT NULL,
    paid            numeric(20, 4) NOT NULL DEFAULT 0,
    status          text           NOT NULL,
    PRIMARY KEY (arrangement_id, seq)
);

CREATE TABLE arrangement_approvals (
    id              uuid PRIMARY KEY,
    arrangement_id  uuid        NOT NULL UNIQUE REFERENCES arrangement_arrangements (id),
    creditor_id     uuid        NOT NULL REFERENCES portfolio_creditors (id),
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    beyond          text        NOT NULL,
    status          text        NOT NULL,
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text
);
CREATE INDEX arrangement_approvals_pending_idx ON arrangement_approvals (requested_at) WHERE status = 'PENDING';

-- every step: created, approved, rejected, payment applied, kept, broken, cancelled
CREATE TABLE arrangement_history (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    arrangement_id  uuid        NOT NULL REFERENCES arrangement_arrangements (id),
    at              timestamptz NOT NULL,
    actor           text        NOT NULL,
    step            text        NOT NULL,
    detail          text        NOT NULL
);
CREATE INDEX arrangement_history_arrangement_idx ON arrangement_history (arrangement_id, seq);
CREATE OR REPLACE FUNCTION arrangement_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'arrangement_history is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER arrangement_history_no_change BEFORE UPDATE OR DELETE ON arrangement_history
    FOR EACH ROW EXECUTE FUNCTION arrangement_history_append_only();
