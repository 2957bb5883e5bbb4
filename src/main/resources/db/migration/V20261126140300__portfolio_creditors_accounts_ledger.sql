CREATE TABLE portfolio_bucket_bands (
    scheme  text NOT NULL,
    ordinal int  NOT NULL,
    label   text NOT NULL,
    min_dpd int  NOT NULL,
    max_dpd int,
    PRIMARY KEY (scheme, ordinal),
    UNIQUE (scheme, label)
);
-- India: RBI's special-mention accounts, then non-performing past 90 days.
INSERT INTO portfolio_bucket_bands (scheme, ordinal, label, min_dpd, max_dpd) VALUES
    ('RBI_SMA', 0, 'CURRENT', 0, 0),
    ('RBI_SMA', 1, 'SMA-0', 1, 30),
    ('RBI_SMA', 2, 'SMA-1', 31, 60),
    ('RBI_SMA', 3, 'SMA-2', 61, 90),
    ('RBI_SMA', 4, 'NPA', 91, NULL),
-- US and GB: thirty-day cycles to charge-off at 180.
    ('DPD_30', 0, 'CURRENT', 0, 0),
    ('DPD_30', 1, '1-30', 1, 30),
    ('DPD_30', 2, '31-60', 31, 60),
    ('DPD_30', 3, '61-90', 61, 90),
    ('DPD_30', 4, '91-120', 91, 120),
    ('DPD_30', 5, '121-150', 121, 150),
    ('DPD_30', 6, '151-180', 151, 180),
    ('DPD_30', 7, '180+', 181, NULL);

CREATE TABLE portfolio_creditors (
    id            uuid        NOT NULL PRIMARY KEY,
    code          text        NOT NULL UNIQUE,
    name          text        NOT NULL,
    country       char(2)     NOT NULL,
    currency      char(3)     NOT NULL,
    jurisdiction  text        NOT NULL,
    time_zone     text        NOT NULL,
    bucket_scheme text        NOT NULL,
    waterfall     text[]      NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE portfolio_accounts (
    id                  uuid          NOT NULL PRIMARY KEY,
    creditor_id         uuid          NOT NULL REFERENCES portfolio_creditors (id),
    customer_id         uuid          NOT NULL,
    account_ref         text          NOT NULL,
    product             text,
    currency            char(3)       NOT NULL,
    principal           numeric(19,4) NOT NULL CHECK (principal >= 0),
    interest            numeric(19,4) NOT NULL CHECK (interest >= 0),
    fees                numeric(19,4) NOT NULL CHECK (fees >= 0),
    credit              numeric(19,4) NOT NULL CHECK (credit >= 0),
    overdue_amount      numeric(19,4) NOT NULL CHECK (overdue_amount >= 0),
    oldest_due_date     date,
    days_past_due       int           NOT NULL DEFAULT 0,
    bucket              text,
    status              text          NOT NULL CHECK (status IN ('ACTIVE','SETTLED','PAID','CLOSED','RECALLED','WRITTEN_OFF')),
    original_amount     numeric(19,4),
    installment_amount  numeric(19,4),
    open_date           date,
    charge_off_date     date,
    last_payment_date   date,
    last_payment_amount numeric(19,4),
    placed_at           timestamptz   NOT NULL,
    updated_at          timestamptz   NOT NULL,
    UNIQUE (creditor_id, account_ref)
);
CREATE INDEX portfolio_accounts_customer_idx ON portfolio_accounts (customer_id);
CREATE INDEX portfolio_accounts_ref_idx ON portfolio_accounts (account_ref text_pattern_ops);
CREATE INDEX portfolio_accounts_bucket_idx ON portfolio_accounts (creditor_id, bucket);

-- Append-only: each row is a signed change to the account's balance components.
CREATE TABLE portfolio_ledger_entries (
    id             uuid          NOT NULL PRIMARY KEY,
    seq            bigint        GENERATED ALWAYS AS IDENTITY UNIQUE,
    account_id     uuid          NOT NULL REFERENCES portfolio_accounts (id),
    entry_type     text          NOT NULL CHECK (entry_type IN ('PLACEMENT','PAYMENT','REVERSAL','ADJUSTMENT','FEE','INTEREST','WAIVER','SETTLEMENT_DISCOUNT')),
    currency       char(3)       NOT NULL,
    principal      numeric(19,4) NOT NULL,
    interest       numeric(19,4) NOT NULL,
    fees           numeric(19,4) NOT NULL,
    credit         numeric(19,4) NOT NULL,
    overdue        numeric(19,4) NOT NULL,
    effective_date date          NOT NULL,
    recorded_at    timestamptz   NOT NULL,
    source         text          NOT NULL,
    source_ref     text,
    recorded_by    text          NOT NULL,
    memo           text,
    reverses       uuid UNIQUE REFERENCES portfolio_ledger_entries (id)
);
CREATE INDEX portfolio_ledger_entries_account_idx ON portfolio_ledger_entries (account_id, seq);

CREATE OR REPLACE FUNCTION portfolio_ledger_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'portfolio_ledger_entries is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER portfolio_ledger_entries_no_change BEFORE UPDATE OR DELETE ON portfolio_ledger_entries
    FOR EACH ROW EXECUTE FUNCTION portfolio_ledger_append_only();

CREATE TABLE portfolio_bucket_moves (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id    uuid        NOT NULL REFERENCES portfolio_accounts (id),
    from_bucket   text,
    to_bucket     text        NOT NULL,
    days_past_due int         NOT NULL,
    moved_on      date        NOT NULL,
    recorded_at   timestamptz NOT NULL
);
CREATE INDEX portfolio_bucket_moves_account_idx ON portfolio_bucket_moves (account_id, id);
