-- The validation notice goes through the outbox like every message: its PDF is kept as a
-- letter when it is made, linked to its message, and waits there as QUEUED until the gate
-- lets the message go (the print provider then makes it READY for the print batch), or is
-- EMAIL when it goes as an email's attachment to a consumer who agreed to electronic
-- delivery. HELD as before: no postal address and no consent to email.
ALTER TABLE messaging_letters DROP CONSTRAINT messaging_letters_status_check;
ALTER TABLE messaging_letters ADD CONSTRAINT messaging_letters_status_check
    CHECK (status IN ('QUEUED', 'READY', 'BATCHED', 'HELD', 'EMAIL'));
CREATE INDEX messaging_letters_message_idx ON messaging_letters (message_id) WHERE message_id IS NOT NULL;
