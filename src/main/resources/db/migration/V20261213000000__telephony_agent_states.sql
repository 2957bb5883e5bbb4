-- Agents' telephony states: the state each agent is in now (one row per agent, locked
-- when it changes, READY rows read FOR UPDATE SKIP LOCKED to hand a call to the agent
-- ready longest) and an append-only log of every interval spent in a state, so time in
-- each state per day is reported. Changes are announced on the channel dues_phone
-- (LISTEN/NOTIFY) so every node updates the agent's desk.
CREATE TABLE telephony_agent_states (
    username     text        PRIMARY KEY,
    state        text        NOT NULL CHECK (state IN ('READY', 'ON_CALL', 'ON_CHAT', 'WRAP_UP', 'BREAK', 'OFFLINE')),
    since        timestamptz NOT NULL,
    reason       text,
    campaign_id  bigint,
    call_id      uuid,
    account_id   uuid,
    direction    text        CHECK (direction IN ('OUTBOUND', 'INBOUND')),
    -- when a wrap-up ends by itself, back to READY
    wrap_until   timestamptz,
    CHECK (state = 'WRAP_UP' OR wrap_until IS NULL)
);

CREATE INDEX telephony_agent_states_ready ON telephony_agent_states (since, username) WHERE state = 'READY';
CREATE INDEX telephony_agent_states_wrap ON telephony_agent_states (wrap_until) WHERE state = 'WRAP_UP';

CREATE TABLE telephony_agent_intervals (
    id           bigserial   PRIMARY KEY,
    username     text        NOT NULL,
    state        text        NOT NULL,
    started_at   timestamptz NOT NULL,
    ended_at     timestamptz NOT NULL,
    reason       text,
    campaign_id  bigint,
    CHECK (ended_at >= started_at)
);

CREATE INDEX telephony_agent_intervals_day ON telephony_agent_intervals (ended_at, username);

CREATE TRIGGER telephony_agent_intervals_no_change BEFORE UPDATE OR DELETE ON telephony_agent_intervals
    FOR EACH ROW EXECUTE FUNCTION telephony_append_only();
