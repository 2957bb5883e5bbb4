-- reporting's first fact fed by events: each payment, and each reversal of one, credited
-- to the agent who earned it at the time it was posted: the one who took the open
-- promise, plan or settlement it pays, else the one who held the account (its owner, or
-- the agent with a pooled account open), else the agent who last spoke with the customer
-- on it within 30 days; nobody when none did. A reversal carries the negative amount to
-- the same agent as the payment it reverses. One row per payment and kind, so an event
-- delivered twice is recorded once.
CREATE TABLE reporting_payment_credits (
    payment_id    uuid          NOT NULL,
    kind          text          NOT NULL CHECK (kind IN ('PAYMENT', 'REVERSAL')),
    account_id    uuid          NOT NULL,
    amount        numeric(19,4) NOT NULL,
    currency      char(3)       NOT NULL,
    agent         text,
    credited_as   text CHECK (credited_as IN ('ARRANGEMENT_TAKER', 'ACCOUNT_HOLDER', 'LAST_IN_CONTACT')),
    received_on   date          NOT NULL,
    at            timestamptz   NOT NULL,
    recorded_at   timestamptz   NOT NULL,
    PRIMARY KEY (payment_id, kind),
    CHECK ((agent IS NULL) = (credited_as IS NULL)),
    CHECK ((kind = 'PAYMENT') = (amount > 0))
);
CREATE INDEX reporting_payment_credits_agent_idx ON reporting_payment_credits (agent, at) WHERE agent IS NOT NULL;
