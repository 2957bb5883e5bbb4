-- Bank accounts into which a creditor's customers pay: a statement of one of them belongs
-- to that creditor. The identifier is an IBAN or a domestic account number, upper case,
-- without spaces.
CREATE TABLE payment_bank_accounts (
    id           uuid        NOT NULL PRIMARY KEY,
    creditor_id  uuid        NOT NULL,
    identifier   text        NOT NULL UNIQUE CHECK (identifier ~ '^[A-Z0-9]{4,34}$'),
    label        text,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL
);
CREATE INDEX payment_bank_accounts_creditor_idx ON payment_bank_accounts (creditor_id);

-- An imported bank statement: one per bank account, statement number and period.
CREATE TABLE payment_statements (
    id               uuid          NOT NULL PRIMARY KEY,
    creditor_id      uuid          NOT NULL,
    format           text          NOT NULL CHECK (format IN ('CAMT053', 'MT940', 'CSV')),
    bank_account     text          NOT NULL,
    statement_number text          NOT NULL,
    period_from      date          NOT NULL,
    period_to        date          NOT NULL,
    currency         char(3)       NOT NULL,
    opening_balance  numeric(19,4),
    closing_balance  numeric(19,4),
    credits          numeric(19,4) NOT NULL,
    debits           numeric(19,4) NOT NULL,
    file_name        text,
    imported_at      timestamptz   NOT NULL,
    imported_by      text          NOT NULL,
    UNIQUE (bank_account, statement_number, period_from, period_to)
);

-- A statement's entries with what reconciliation made of each.
CREATE TABLE payment_statement_entries (
    id             uuid          NOT NULL PRIMARY KEY,
    statement_id   uuid          NOT NULL REFERENCES payment_statements (id),
    line_no        integer       NOT NULL,
    direction      text          NOT NULL CHECK (direction IN ('CREDIT', 'DEBIT')),
    kind           text          NOT NULL CHECK (kind IN ('TRANSFER', 'RETURN', 'CHARGE')),
    amount         numeric(19,4) NOT NULL CHECK (amount > 0),
    currency       char(3)       NOT NULL,
    value_date     date          NOT NULL,
    bank_reference text,
    end_to_end_id  text,
    payer_name     text,
    payer_account  text,
    remittance     text,
    bank_code      text,
    outcome        text          NOT NULL CHECK (outcome IN ('POSTED', 'ALREADY_POSTED', 'REVERSED', 'SUGGESTED',
                                   'UNMATCHED', 'IGNORED', 'SUSPENSE', 'DEBIT')),
    matched_by     text,
    account_id     uuid,
    payment_id     uuid,
    suggested_account_id uuid,
    note           text,
    decided_by     text,
    decided_at     timestamptz,
    UNIQUE (statement_id, line_no)
);
CREATE INDEX payment_statement_entries_open_idx ON payment_statement_entries (statement_id, outcome);

-- Money received that matches no account (suspense), until a user applies, splits or
-- returns it. amount = applied + returned + what is still open.
CREATE TABLE payment_unapplied (
    id                 uuid          NOT NULL PRIMARY KEY,
    creditor_id        uuid,
    amount             numeric(19,4) NOT NULL CHECK (amount > 0),
    currency           char(3)       NOT NULL,
    value_date         date          NOT NULL,
    payer_name         text,
    payer_account      text,
    remittance         text,
    end_to_end_id      text,
    bank_reference     text,
    statement_entry_id uuid UNIQUE REFERENCES payment_statement_entries (id),
    status             text          NOT NULL CHECK (status IN ('OPEN', 'APPLIED', 'SPLIT', 'RETURNED')),
    applied            numeric(19,4) NOT NULL DEFAULT 0 CHECK (applied >= 0),
    returned           numeric(19,4) NOT NULL DEFAULT 0 CHECK (returned >= 0),
    created_at         timestamptz   NOT NULL,
    created_by         text          NOT NULL,
    CHECK (applied + returned <= amount),
    CHECK ((status = 'OPEN') = (applied + returned < amount))
);
CREATE INDEX payment_unapplied_status_idx ON payment_unapplied (status, creditor_id, created_at);

-- What happened to an unapplied item, in order.
CREATE TABLE payment_unapplied_history (
    id           bigserial     NOT NULL PRIMARY KEY,
    unapplied_id uuid          NOT NULL REFERENCES payment_unapplied (id),
    action       text          NOT NULL CHECK (action IN ('RECEIVED', 'APPLIED', 'RETURNED')),
    amount       numeric(19,4) NOT NULL,
    account_id   uuid,
    payment_id   uuid,
    reason       text          NOT NULL,
    at           timestamptz   NOT NULL,
    by_user      text          NOT NULL
);
CREATE INDEX payment_unapplied_history_idx ON payment_unapplied_history (unapplied_id, id);

-- CSV statement mapping profiles: which column holds what.
CREATE TABLE payment_statement_mappings (
    name          text        NOT NULL PRIMARY KEY,
    date_column   text        NOT NULL,
    amount_column text,
    credit_column text,
    debit_column  text,
    reference_column  text,
    remittance_column text,
    name_column   text,
    date_format   text        NOT NULL DEFAULT 'yyyy-MM-dd',
    created_at    timestamptz NOT NULL,
    CHECK (amount_column IS NOT NULL OR (credit_column IS NOT NULL AND debit_column IS NOT NULL))
);
