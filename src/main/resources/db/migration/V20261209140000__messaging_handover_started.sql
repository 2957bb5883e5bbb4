-- When the hand-over of a message to a provider that does not drop repeats began: a
-- message found SENDING after a crash without it was never handed over and is queued
-- again; with it, the provider may have it and it is not sent again.
ALTER TABLE messaging_messages ADD COLUMN handover_started_at timestamptz;
