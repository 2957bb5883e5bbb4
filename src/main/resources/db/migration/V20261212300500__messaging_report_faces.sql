-- Messaging's published face for reporting (see V20261206100000): each message with the
-- account and creditor it was about, who sent it, and when it was sent and delivered.
CREATE VIEW messaging_message_facts AS
SELECT id, account_id, creditor_id, channel, created_by, created_at, sent_at, delivered_at
FROM messaging_messages;

CREATE INDEX messaging_messages_sent_idx ON messaging_messages (sent_at) WHERE sent_at IS NOT NULL;
CREATE INDEX messaging_messages_delivered_idx ON messaging_messages (delivered_at) WHERE delivered_at IS NOT NULL;
