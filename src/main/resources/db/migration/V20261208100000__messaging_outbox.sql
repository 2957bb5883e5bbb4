-- Messaging: templates and their versions, the outbox of messages with their status
-- history, providers' webhook events (each taken once), refused webhooks, and each
-- creditor's messaging settings.

-- A template is one (code, channel, language, creditor or none for every creditor); each
-- change is a new version, and a message keeps the version it used.
CREATE TABLE messaging_templates (
    id              uuid        NOT NULL PRIMARY KEY,
    code            text        NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    channel         text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL', 'WHATSAPP', 'LETTER')),
    language        text        NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    purpose         text        NOT NULL,
    creditor_id     uuid,
    current_version integer     NOT NULL CHECK (current_version >= 1),
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    CONSTRAINT messaging_templates_one UNIQUE NULLS NOT DISTINCT (code, channel, language, creditor_id)
);
CREATE INDEX messaging_templates_code_idx ON messaging_templates (code, channel);

CREATE TABLE messaging_template_versions (
    template_id       uuid        NOT NULL REFERENCES messaging_templates (id),
    version           integer     NOT NULL CHECK (version >= 1),
    subject           text,
    body              text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    dlt_entity_id     text,
    dlt_header        text,
    dlt_template_id   text,
    whatsapp_name     text,
    whatsapp_language text,
    created_at        timestamptz NOT NULL,
    created_by        text        NOT NULL,
    reason            text,
    PRIMARY KEY (template_id, version)
);

-- The outbox. A message is QUEUED until the dispatcher claims it (SENDING, committed before
-- the provider is called, so a crash never sends it twice), then SENT and DELIVERED,
-- FAILED or BOUNCED by the provider's reports; BLOCKED when the gate refused it for good,
-- CANCELLED by an opt-out, a payment or a hold. A queued message the gate held back waits
-- with its reasons until next_attempt_at.
CREATE TABLE messaging_messages (
    id               uuid        NOT NULL PRIMARY KEY,
    account_id       uuid        NOT NULL,
    customer_id      uuid        NOT NULL,
    creditor_id      uuid        NOT NULL,
    channel          text        NOT NULL CHECK (channel IN ('SMS', 'EMAIL', 'WHATSAPP', 'LETTER')),
    purpose          text        NOT NULL,
    template_id      uuid        REFERENCES messaging_templates (id),
    template_version integer,
    language         text        NOT NULL,
    address          text,
    subject          text,
    body             text        NOT NULL,
    parameters       text[]      NOT NULL DEFAULT '{}',
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED',
                                                            'BOUNCED', 'BLOCKED', 'CANCELLED')),
    reasons          text,
    provider         text,
    provider_id      text,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    decision_id      uuid,
    interaction_id   uuid,
    bulk_id          uuid,
    dedup_key        text        UNIQUE,
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL,
    updated_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    delivered_at     timestamptz
);
CREATE INDEX messaging_messages_due_idx ON messaging_messages (next_attempt_at) WHERE status = 'QUEUED';
CREATE INDEX messaging_messages_sending_idx ON messaging_messages (updated_at) WHERE status = 'SENDING';
CREATE INDEX messaging_messages_queued_customer_idx ON messaging_messages (customer_id, channel)
    WHERE status = 'QUEUED';
CREATE INDEX messaging_messages_queued_account_idx ON messaging_messages (account_id) WHERE status = 'QUEUED';
CREATE INDEX messaging_messages_queued_address_idx ON messaging_messages (address, channel) WHERE status = 'QUEUED';
CREATE UNIQUE INDEX messaging_messages_provider_idx ON messaging_messages (provider, provider_id)
    WHERE provider_id IS NOT NULL;
CREATE INDEX messaging_messages_account_idx ON messaging_messages (account_id, created_at DESC);
CREATE INDEX messaging_messages_bulk_idx ON messaging_messages (bulk_id) WHERE bulk_id IS NOT NULL;

CREATE TABLE messaging_message_events (
    id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id uuid        NOT NULL REFERENCES messaging_messages (id),
    at         timestamptz NOT NULL,
    status     text        NOT NULL,
    detail     text
);
CREATE INDEX messaging_message_events_message_idx ON messaging_message_events (message_id, id);

-- Each provider's event is taken once: a repeated webhook finds its row and does nothing.
CREATE TABLE messaging_webhook_events (
    provider    text        NOT NULL,
    event_id    text        NOT NULL,
    received_at timestamptz NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- Webhooks refused for a missing or bad signature.
CREATE TABLE messaging_webhook_refusals (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider    text        NOT NULL,
    path        text        NOT NULL,
    why         text        NOT NULL,
    received_at timestamptz NOT NULL
);

-- What the person wrote to us.
CREATE TABLE messaging_inbound (
    id           uuid        NOT NULL PRIMARY KEY,
    provider     text        NOT NULL,
    channel      text        NOT NULL,
    from_address text        NOT NULL,
    to_address   text,
    text         text        NOT NULL,
    stop         boolean     NOT NULL,
    received_at  timestamptz NOT NULL
);
CREATE INDEX messaging_inbound_from_idx ON messaging_inbound (from_address, received_at DESC);

-- Each creditor's messaging: automatic reminders, the words that mean stop besides the
-- usual English ones, and the DLT registration of its Indian SMS.
CREATE TABLE messaging_creditor_settings (
    creditor_id            uuid        NOT NULL PRIMARY KEY,
    reminder_days_before   integer     CHECK (reminder_days_before BETWEEN 0 AND 30),
    broken_promise_notice  boolean     NOT NULL DEFAULT true,
    stop_words             text[]      NOT NULL DEFAULT '{}',
    dlt_entity_id          text,
    dlt_header             text,
    updated_at             timestamptz NOT NULL,
    updated_by             text        NOT NULL
);
