-- Reports a manager has sent by email on a schedule (the monthly management pack, a
-- weekly one), to the people chosen, in the language chosen; and each delivery, once per
-- subscription and period (a failed one is tried again at the next run).
CREATE TABLE reporting_subscriptions (
    id          uuid        NOT NULL PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    cadence     text        NOT NULL CHECK (cadence IN ('MONTHLY', 'WEEKLY')),
    recipients  text[]      NOT NULL CHECK (cardinality(recipients) BETWEEN 1 AND 50),
    language    text        NOT NULL CHECK (language IN ('en', 'hi', 'ml')),
    creditor    text,
    zone        text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    stopped_by  text,
    stopped_at  timestamptz,
    CHECK ((stopped_by IS NULL) = (stopped_at IS NULL))
);

CREATE TABLE reporting_deliveries (
    subscription_id uuid        NOT NULL REFERENCES reporting_subscriptions (id),
    period          text        NOT NULL,
    mail_id         uuid        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('SENT', 'SIMULATED', 'FAILED')),
    error           text,
    at              timestamptz NOT NULL,
    sent_by         text        NOT NULL,
    PRIMARY KEY (subscription_id, period)
);
