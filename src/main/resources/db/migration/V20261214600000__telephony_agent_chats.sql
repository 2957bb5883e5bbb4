-- The live chats each agent has open, as telephony learns them from messaging's events
-- (ChatTaken, ChatClosed): an agent with one open is ON_CHAT unless on a call or wrapping
-- up. Messaging's own tables are not read: the events may arrive late, twice or in either
-- order, so a chat closed before its taking arrived stays closed (closed_at kept).
CREATE TABLE telephony_agent_chats (
    chat_id    uuid        PRIMARY KEY,
    username   text        NOT NULL,
    opened_at  timestamptz NOT NULL,
    closed_at  timestamptz
);

CREATE INDEX telephony_agent_chats_open ON telephony_agent_chats (username) WHERE closed_at IS NULL;

-- The state an agent on a chat goes to when their last chat closes: the one they were in
-- when it opened, or the one they chose on the phone panel meanwhile.
ALTER TABLE telephony_agent_states ADD COLUMN after_chat text
    CHECK (after_chat IN ('READY', 'BREAK', 'OFFLINE'));
