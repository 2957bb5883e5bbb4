-- Live chat: a chat a customer starts from the pay page (WEB) or by writing on WhatsApp
-- within the 24-hour session (WHATSAPP) waits in the queue until it is given to a ready
-- agent who speaks its language and reaches its account; its messages are appended,
-- never changed, and every insert is announced on the channel dues_chat (LISTEN/NOTIFY)
-- so that every node streams it to whoever watches the chat.
CREATE TABLE messaging_chats (
    id           uuid        PRIMARY KEY,
    account_id   uuid        NOT NULL,
    customer_id  uuid        NOT NULL,
    language     text        NOT NULL,
    channel      text        NOT NULL CHECK (channel IN ('WEB', 'WHATSAPP')),
    -- the WhatsApp number the customer writes from
    address      text,
    -- the pay link's token the chat was started from, and the hash of its secret
    link_token   text,
    secret_hash  bytea,
    status       text        NOT NULL CHECK (status IN ('WAITING', 'ACTIVE', 'CLOSED')),
    agent        text,
    verified     boolean     NOT NULL DEFAULT false,
    created_at   timestamptz NOT NULL,
    assigned_at  timestamptz,
    verified_at  timestamptz,
    closed_at    timestamptz,
    closed_by    text,
    CHECK ((status = 'WAITING') = (agent IS NULL)),
    CHECK (channel <> 'WEB' OR (link_token IS NOT NULL AND secret_hash IS NOT NULL)),
    CHECK (channel <> 'WHATSAPP' OR address IS NOT NULL)
);

CREATE INDEX messaging_chats_waiting ON messaging_chats (created_at) WHERE status = 'WAITING';
CREATE INDEX messaging_chats_agent ON messaging_chats (agent) WHERE status = 'ACTIVE';
CREATE INDEX messaging_chats_account ON messaging_chats (account_id);
-- one open WhatsApp chat per number: later messages join it
CREATE UNIQUE INDEX messaging_chats_open_whatsapp ON messaging_chats (address)
    WHERE channel = 'WHATSAPP' AND status <> 'CLOSED';

CREATE TABLE messaging_chat_messages (
    id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    chat_id  uuid        NOT NULL REFERENCES messaging_chats (id),
    sender   text        NOT NULL CHECK (sender IN ('CUSTOMER', 'AGENT', 'SYSTEM')),
    author   text,
    text     text        NOT NULL CHECK (length(text) BETWEEN 1 AND 4096),
    at       timestamptz NOT NULL
);

CREATE INDEX messaging_chat_messages_chat ON messaging_chat_messages (chat_id, id);

CREATE OR REPLACE FUNCTION messaging_chat_messages_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'messaging_chat_messages is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER messaging_chat_messages_append_only BEFORE UPDATE OR DELETE ON messaging_chat_messages
    FOR EACH ROW EXECUTE FUNCTION messaging_chat_messages_append_only();

-- the agents who take chats now (the chat panel's switch)
CREATE TABLE messaging_chat_agents (
    agent       text        PRIMARY KEY,
    ready       boolean     NOT NULL,
    changed_at  timestamptz NOT NULL
);
