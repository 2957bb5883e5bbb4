-- The parts of a payment a gateway refunded (a partial refund), each reversed in the
-- ledger by exactly its amount: once per the gateway's refund id (or, where the gateway
-- reports only the total refunded, per that total). Their sum never exceeds the payment;
-- when it reaches it, the payment is REVERSED.
CREATE TABLE payment_refunds (
    id              uuid          NOT NULL PRIMARY KEY,
    payment_id      uuid          NOT NULL REFERENCES payment_payments (id),
    refund_key      text          NOT NULL,
    amount          numeric(19,4) NOT NULL CHECK (amount > 0),
    ledger_entry_id uuid          NOT NULL,
    reason          text          NOT NULL,
    refunded_at     timestamptz   NOT NULL,
    refunded_by     text          NOT NULL,
    UNIQUE (payment_id, refund_key)
);
