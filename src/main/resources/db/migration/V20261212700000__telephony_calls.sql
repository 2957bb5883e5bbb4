-- Calls placed through a telephony provider (Twilio Voice, Exotel, the simulated carrier) and
-- every event their providers reported about them, as they came.

CREATE TABLE telephony_calls (
    id                 uuid        PRIMARY KEY,
    provider           text        NOT NULL,
    provider_call_id   text,
    account_id         uuid        NOT NULL,
    interaction_id     uuid        NOT NULL,
    customer_number    text        NOT NULL CHECK (customer_number ~ '^\+[1-9][0-9]{6,14}$'),
    agent              text        NOT NULL,
    agent_number       text        NOT NULL,
    caller_id          text        NOT NULL,
    direction          text        NOT NULL CHECK (direction IN ('OUTBOUND', 'INBOUND')),
    status             text        NOT NULL CHECK (status IN ('PLACED', 'RINGING', 'ANSWERED', 'BRIDGED', 'ENDED')),
    recorded           boolean     NOT NULL,
    disclosure         text,
    callback_token     text        NOT NULL,
    created_at         timestamptz NOT NULL,
    ringing_at         timestamptz,
    answered_at        timestamptz,
    bridged_at         timestamptz,
    ended_at           timestamptz,
    amd_result         text        CHECK (amd_result IN ('HUMAN', 'MACHINE')),
    end_cause          text        CHECK (end_cause IN ('COMPLETED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED')),
    recording_url      text,
    recording_seconds  integer,
    UNIQUE (provider, provider_call_id)
);

CREATE INDEX telephony_calls_account ON telephony_calls (account_id, created_at DESC);

-- Append-only: every callback as it came, taken, a repeat, for no call of ours, or refused
-- (a bad signature or token).
CREATE TABLE telephony_call_events (
    id                 bigserial   PRIMARY KEY,
    provider           text        NOT NULL,
    event_key          text,
    provider_call_id   text,
    call_id            uuid        REFERENCES telephony_calls (id),
    kind               text,
    outcome            text        NOT NULL CHECK (outcome IN ('TAKEN', 'REPEAT', 'UNKNOWN_CALL', 'REFUSED')),
    detail             text,
    received_at        timestamptz NOT NULL
);

CREATE UNIQUE INDEX telephony_call_events_once ON telephony_call_events (provider, event_key)
    WHERE outcome = 'TAKEN';
CREATE INDEX telephony_call_events_call ON telephony_call_events (call_id, id);

CREATE OR REPLACE FUNCTION telephony_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER telephony_call_events_no_change BEFORE UPDATE OR DELETE ON telephony_call_events
    FOR EACH ROW EXECUTE FUNCTION telephony_append_only();
