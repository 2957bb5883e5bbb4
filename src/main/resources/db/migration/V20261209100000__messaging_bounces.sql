-- Delivery status notifications (RFC 3464) read from the bounce mailbox, each taken once by
-- its own Message-ID: what it said, which message of ours it named (none when it named none
-- that we know), and what was done (BOUNCED: the message bounced and the address was banned;
-- FAILED: given up on by a server, address kept; DELAYED: noted on the message's history;
-- UNMATCHED: named no message of ours, left in the mailbox for a person).
CREATE TABLE messaging_bounces (
    bounce_id   text        NOT NULL PRIMARY KEY,
    message_id  uuid        REFERENCES messaging_messages (id),
    recipient   text,
    action      text,
    status      text,
    diagnostic  text,
    outcome     text        NOT NULL CHECK (outcome IN ('BOUNCED', 'FAILED', 'DELAYED', 'NOTED', 'UNMATCHED')),
    received_at timestamptz NOT NULL
);
CREATE INDEX messaging_bounces_message_idx ON messaging_bounces (message_id) WHERE message_id IS NOT NULL;
