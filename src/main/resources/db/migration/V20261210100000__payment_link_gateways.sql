-- A creditor's settings for payment links: the UPI payee (its virtual payment address and
-- name, printed in every upi://pay intent), how long a link lives by default, and the
-- bounds a customer may choose an amount within. Secrets of gateways are never here.
CREATE TABLE payment_link_settings (
    creditor_id          uuid          NOT NULL PRIMARY KEY,
    upi_vpa              text,
    upi_payee_name       text,
    default_expiry_days  integer       NOT NULL CHECK (default_expiry_days BETWEEN 1 AND 365),
    min_percent          numeric(5,2)  CHECK (min_percent > 0 AND min_percent <= 100),
    updated_at           timestamptz   NOT NULL,
    updated_by           text          NOT NULL
);

-- Every attempt to pay a link a gateway reported: captured, failed, refunded, charged back.
CREATE TABLE payment_link_attempts (
    id                  uuid          NOT NULL PRIMARY KEY,
    link_id             uuid          NOT NULL REFERENCES payment_links (id),
    gateway             text          NOT NULL,
    gateway_payment_id  text,
    outcome             text          NOT NULL CHECK (outcome IN ('CAPTURED', 'FAILED', 'REFUNDED', 'CHARGEBACK')),
    amount              numeric(19,4),
    reason              text,
    at                  timestamptz   NOT NULL,
    seq                 bigint        GENERATED ALWAYS AS IDENTITY
);
CREATE INDEX payment_link_attempts_link_idx ON payment_link_attempts (link_id, seq);

-- Every webhook a gateway sent, verified or not. An event acted on (or deliberately not) is
-- there once per gateway event id; a refused or failed one may come again and be retried.
CREATE TABLE payment_webhook_events (
    id           uuid         NOT NULL PRIMARY KEY,
    gateway      text         NOT NULL,
    event_id     text,
    type         text,
    status       text         NOT NULL CHECK (status IN ('PROCESSED', 'IGNORED', 'REFUSED', 'FAILED')),
    detail       text,
    received_at  timestamptz  NOT NULL
);
CREATE UNIQUE INDEX payment_webhook_events_event_idx ON payment_webhook_events (gateway, event_id)
    WHERE status IN ('PROCESSED', 'IGNORED');

-- A checkout opened at a gateway for a link (Razorpay's payment link, Stripe's Checkout
-- Session, the simulated gateway's session): reused while it is open for the same amount.
CREATE TABLE payment_link_checkouts (
    gateway_id   text          NOT NULL,
    gateway      text          NOT NULL,
    link_id      uuid          NOT NULL REFERENCES payment_links (id),
    amount       numeric(19,4) NOT NULL,
    url          text          NOT NULL,
    created_at   timestamptz   NOT NULL,
    PRIMARY KEY (gateway, gateway_id)
);
CREATE INDEX payment_link_checkouts_link_idx ON payment_link_checkouts (link_id, created_at);
