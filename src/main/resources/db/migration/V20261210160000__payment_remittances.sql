-- Remittance to creditors, for agencies collecting for clients. The agency keeps a
-- commission at the creditor's rate (and the tax on it, e.g. GST in India) and remits the
-- rest. A statement covers every payment not yet remitted that was received by the end of
-- its period, and claws back every reversal of a remitted payment not yet clawed back, so a
-- payment reported late or reversed after its month is neither lost nor counted twice.
CREATE TABLE payment_remittance_terms (
    creditor_id      uuid          NOT NULL PRIMARY KEY,
    commission_rate  numeric(7,4)  NOT NULL CHECK (commission_rate >= 0 AND commission_rate <= 100),
    tax_rate         numeric(7,4)  NOT NULL CHECK (tax_rate >= 0 AND tax_rate <= 100),
    updated_at       timestamptz   NOT NULL,
    updated_by       text          NOT NULL
);

CREATE TABLE payment_remittances (
    id               uuid          NOT NULL PRIMARY KEY,
    creditor_id      uuid          NOT NULL,
    number           text          NOT NULL UNIQUE,
    currency         char(3)       NOT NULL,
    period_from      date          NOT NULL,
    period_to        date          NOT NULL CHECK (period_to >= period_from),
    collected        numeric(19,4) NOT NULL,
    reversed         numeric(19,4) NOT NULL,
    commission_rate  numeric(7,4)  NOT NULL,
    commission       numeric(19,4) NOT NULL,
    tax_rate         numeric(7,4)  NOT NULL,
    tax              numeric(19,4) NOT NULL,
    due              numeric(19,4) NOT NULL,
    issued_at        timestamptz   NOT NULL,
    issued_by        text          NOT NULL,
    UNIQUE (creditor_id, currency, period_from, period_to),
    CHECK (due = collected - reversed - commission - tax)
);

-- Each payment is remitted once, and its reversal clawed back once.
CREATE TABLE payment_remittance_items (
    remittance_id    uuid          NOT NULL REFERENCES payment_remittances (id),
    payment_id       uuid          NOT NULL REFERENCES payment_payments (id),
    kind             text          NOT NULL CHECK (kind IN ('COLLECTED', 'REVERSED')),
    amount           numeric(19,4) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (payment_id, kind)
);
CREATE INDEX payment_remittance_items_remittance_idx ON payment_remittance_items (remittance_id);
