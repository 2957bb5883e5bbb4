-- Email to staff and to a creditor's people (reports a manager has them sent), not to
-- customers: no compliance gate applies, and each is kept with what it carried and how
-- it went.
CREATE TABLE messaging_staff_mail (
    id              uuid        NOT NULL PRIMARY KEY,
    recipients      text[]      NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    attachment_name text,
    attachment_type text,
    attachment      bytea,
    purpose         text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('SENT', 'SIMULATED', 'FAILED')),
    error           text,
    created_at      timestamptz NOT NULL,
    CONSTRAINT messaging_staff_mail_has_recipients CHECK (cardinality(recipients) > 0)
);

CREATE INDEX messaging_staff_mail_created ON messaging_staff_mail (created_at DESC);
