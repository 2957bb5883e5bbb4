-- Progress against targets: a creditor's month of credits (by the day received), and the
-- last credit on an account before it was resolved.
CREATE INDEX reporting_payment_credits_received_idx ON reporting_payment_credits (received_on);
CREATE INDEX reporting_payment_credits_account_idx ON reporting_payment_credits (account_id, at);
