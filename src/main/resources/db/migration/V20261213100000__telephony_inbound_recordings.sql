-- Inbound calls and recordings.
--
-- An inbound call is kept in telephony_calls beside the outbound ones: until the caller is
-- known and an agent takes it, it has no account, attempt or agent yet; it waits in
-- telephony_inbound_queue, which every node reads (FOR UPDATE SKIP LOCKED), so a cluster
-- shares one queue.
ALTER TABLE telephony_calls ALTER COLUMN account_id DROP NOT NULL;
ALTER TABLE telephony_calls ALTER COLUMN interaction_id DROP NOT NULL;
ALTER TABLE telephony_calls ALTER COLUMN agent DROP NOT NULL;
ALTER TABLE telephony_calls ALTER COLUMN agent_number DROP NOT NULL;
ALTER TABLE telephony_calls ADD CONSTRAINT telephony_calls_outbound_complete
    CHECK (direction = 'INBOUND' OR (account_id IS NOT NULL AND interaction_id IS NOT NULL AND agent IS NOT NULL
                                     AND agent_number IS NOT NULL));
ALTER TABLE telephony_calls DROP CONSTRAINT telephony_calls_status_check;
ALTER TABLE telephony_calls ADD CONSTRAINT telephony_calls_status_check
    CHECK (status IN ('QUEUED', 'PLACED', 'RINGING', 'ANSWERED', 'BRIDGED', 'ENDED'));
ALTER TABLE telephony_calls DROP CONSTRAINT telephony_calls_customer_number_check;
-- a caller's number may be withheld or not a phone number at all ('anonymous')
ALTER TABLE telephony_calls ADD CONSTRAINT telephony_calls_customer_number_check
    CHECK (customer_number ~ '^\+[1-9][0-9]{6,14}$' OR (direction = 'INBOUND' AND length(customer_number) <= 64));

CREATE TABLE telephony_inbound_queue (
    call_id      uuid        PRIMARY KEY REFERENCES telephony_calls (id),
    -- the caller's language (ISO 639-1), the skill an agent needs; null: anyone
    language     text,
    -- the accounts the calling number matched: one, several (the agent chooses), none
    accounts     uuid[]      NOT NULL,
    queued_at    timestamptz NOT NULL,
    status       text        NOT NULL CHECK (status IN ('WAITING', 'CONNECTED', 'ABANDONED')),
    agent        text,
    connected_at timestamptz,
    ended_at     timestamptz,
    CHECK ((status = 'CONNECTED') = (agent IS NOT NULL))
);

CREATE INDEX telephony_inbound_queue_waiting ON telephony_inbound_queue (queued_at, call_id) WHERE status = 'WAITING';

-- A recording of a call, linked to the call and so to its attempt (interaction) and account.
CREATE TABLE telephony_recordings (
    id           uuid        PRIMARY KEY,
    call_id      uuid        NOT NULL UNIQUE REFERENCES telephony_calls (id),
    account_id   uuid,
    interaction_id uuid,
    provider     text        NOT NULL,
    url          text,
    seconds      integer,
    agent        text,
    direction    text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    purged_at    timestamptz,
    CHECK ((url IS NULL) = (purged_at IS NOT NULL))
);

CREATE INDEX telephony_recordings_account ON telephony_recordings (account_id, recorded_at DESC);
CREATE INDEX telephony_recordings_kept ON telephony_recordings (recorded_at) WHERE purged_at IS NULL;

-- Append-only: every play of a recording (who, when, which) and every purge.
CREATE TABLE telephony_recording_access (
    id           bigserial   PRIMARY KEY,
    recording_id uuid        NOT NULL REFERENCES telephony_recordings (id),
    account_id   uuid,
    username     text        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('PLAYED', 'PURGED')),
    at           timestamptz NOT NULL
);

CREATE INDEX telephony_recording_access_at ON telephony_recording_access (at DESC, id DESC);
CREATE INDEX telephony_recording_access_recording ON telephony_recording_access (recording_id, at);

CREATE TRIGGER telephony_recording_access_no_change BEFORE UPDATE OR DELETE ON telephony_recording_access
    FOR EACH ROW EXECUTE FUNCTION telephony_append_only();
