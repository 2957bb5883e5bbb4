-- Progress against targets: a creditor's month of credits (by the day received), and the
-- last credit on an account before it was resolved.
-- (V20261212300700 makes an index of the first name on (received_on, creditor_id), which serves the same reads)
CREATE INDEX IF NOT EXISTS reporting_payment_credits_received_idx ON reporting_payment_credits (received_on);
CREATE INDEX IF NOT EXISTS reporting_payment_credits_account_idx ON reporting_payment_credits (account_id, at);
