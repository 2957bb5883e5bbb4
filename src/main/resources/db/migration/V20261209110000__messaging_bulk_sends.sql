-- Bulk sends: one message to many accounts chosen by a list of ids, a team's queue, the
-- accounts browser's selection or an uploaded list. A bulk send is previewed once (each
-- account's address and the gate's answer at that moment, read-only) and then queued from
-- that preview without asking again: the gate decides each message when it leaves. Its
-- counts of sent, delivered, failed and cancelled are read from its messages
-- (messaging_messages.bulk_id).
CREATE TABLE messaging_bulk_sends (
    id             uuid        NOT NULL PRIMARY KEY,
    status         text        NOT NULL CHECK (status IN ('PREVIEWED', 'QUEUED', 'CANCELLED')),
    selector       text        NOT NULL CHECK (selector IN ('ACCOUNTS', 'QUEUE', 'SELECTION', 'UPLOAD')),
    selection      jsonb       NOT NULL,
    channel        text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL', 'WHATSAPP', 'LETTER')),
    template       text        NOT NULL,
    language       text,
    not_before     timestamptz,
    scheduled_at   timestamp,
    started_by     text        NOT NULL,
    -- the teams of the one who started it, and those they lead: who reaches it
    team_ids       uuid[]      NOT NULL DEFAULT '{}',
    selected       integer     NOT NULL CHECK (selected >= 0),
    would_go       integer     NOT NULL CHECK (would_go >= 0),
    held_back      integer     NOT NULL CHECK (held_back >= 0),
    unaddressable  integer     NOT NULL CHECK (unaddressable >= 0),
    held_reasons   jsonb       NOT NULL DEFAULT '{}',
    -- how many the gate was asked about: all, or an even spread of a large selection,
    -- the counts then estimated from it
    gated          integer     NOT NULL DEFAULT 0,
    estimated      boolean     NOT NULL DEFAULT false,
    queued         integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL,
    queued_at      timestamptz,
    cancelled_at   timestamptz,
    cancelled_by   text
);
CREATE INDEX messaging_bulk_sends_started_idx ON messaging_bulk_sends (started_by, created_at DESC);

-- What the preview found for each account: the address a message would go to (null: none
-- usable) and whether the gate would let it go at that moment (UNCHECKED: outside the
-- spread of a large bulk send that the gate was asked about).
CREATE TABLE messaging_bulk_accounts (
    bulk_id    uuid    NOT NULL REFERENCES messaging_bulk_sends (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    account_id uuid    NOT NULL,
    address    text,
    outcome    text    NOT NULL CHECK (outcome IN ('NOW', 'HELD', 'NO_ADDRESS', 'UNCHECKED')),
    PRIMARY KEY (bulk_id, account_id)
);
