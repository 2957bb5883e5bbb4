-- Virtual account numbers: a creditor gives an account a number of its own to pay into (a
-- collection bank's virtual account), which a statement entry names in its remittance text or
-- end-to-end id; the matcher posts such a credit to the account. A number is one account's per
-- creditor; an account may have several (a number reissued).
CREATE TABLE payment_virtual_accounts (
    creditor_id     uuid        NOT NULL,
    virtual_account text        NOT NULL CHECK (virtual_account ~ '^[A-Z0-9]{6,34}$'),
    account_id      uuid        NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    PRIMARY KEY (creditor_id, virtual_account)
);
CREATE INDEX payment_virtual_accounts_account_idx ON payment_virtual_accounts (account_id);
