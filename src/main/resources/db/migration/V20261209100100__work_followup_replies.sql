-- A customer's reply waiting for the account's agent is a follow-up (cause REPLY, its
-- reason the reply's text) that also names the channel and the number it came from.
ALTER TABLE work_followups ADD COLUMN channel text, ADD COLUMN from_address text;
