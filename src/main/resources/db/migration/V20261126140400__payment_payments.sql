CREATE TABLE payment_payments (
    id               uuid          NOT NULL PRIMARY KEY,
    creditor_id      uuid          NOT NULL,
    account_id       uuid          NOT NULL,
    reference        text          NOT NULL,
    amount           numeric(19,4) NOT NULL CHECK (amount > 0),
    currency         char(3)       NOT NULL,
    channel          text          NOT NULL,
    received_on      date          NOT NULL,
    status           text          NOT NULL CHECK (status IN ('POSTED', 'REVERSED')),
    ledger_entry_id  uuid          NOT NULL,
    reversal_entry_id uuid,
    reversal_reason  text,
    recorded_at      timestamptz   NOT NULL,
    recorded_by      text          NOT NULL,
    reversed_at      timestamptz,
    reversed_by      text,
    UNIQUE (creditor_id, reference)
);
CREATE INDEX payment_payments_account_idx ON payment_payments (account_id, recorded_at);
