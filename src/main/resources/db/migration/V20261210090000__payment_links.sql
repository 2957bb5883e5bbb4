-- Payment links: a public, unguessable token (/pay/{token}) for an amount an account owes,
-- and a short reference the customer's bank or UPI app carries back in its remittance
-- information, so a bank statement can find the link, and through it the account.
CREATE TABLE payment_links (
    id            uuid          NOT NULL PRIMARY KEY,
    token         text          NOT NULL UNIQUE,
    reference     text          NOT NULL UNIQUE,
    creditor_id   uuid          NOT NULL,
    account_id    uuid          NOT NULL,
    purpose       text          NOT NULL CHECK (purpose IN ('OVERDUE', 'BALANCE', 'INSTALMENT', 'SETTLEMENT', 'CUSTOM')),
    amount        numeric(19,4) NOT NULL CHECK (amount > 0),
    min_amount    numeric(19,4) CHECK (min_amount > 0),
    currency      char(3)       NOT NULL,
    single_use    boolean       NOT NULL,
    expires_at    timestamptz   NOT NULL,
    status        text          NOT NULL CHECK (status IN ('ACTIVE', 'PAID', 'EXPIRED', 'CANCELLED')),
    paid_amount   numeric(19,4) NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL,
    created_by    text          NOT NULL,
    CHECK (min_amount IS NULL OR min_amount <= amount)
);
CREATE INDEX payment_links_account_idx ON payment_links (account_id, created_at);

-- The link a payment came through, when it did.
ALTER TABLE payment_payments ADD COLUMN link_id uuid REFERENCES payment_links (id);
CREATE INDEX payment_payments_link_idx ON payment_payments (link_id) WHERE link_id IS NOT NULL;
