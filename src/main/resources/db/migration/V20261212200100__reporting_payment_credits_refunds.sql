-- A partial refund of a payment takes its negative amount from the same agent as the
-- payment, one row per refund ('REFUND:' and the refund's id), beside the payment's and
-- its final reversal's rows.
ALTER TABLE reporting_payment_credits DROP CONSTRAINT reporting_payment_credits_kind_check;
ALTER TABLE reporting_payment_credits ADD CONSTRAINT reporting_payment_credits_kind_check
    CHECK (kind IN ('PAYMENT', 'REVERSAL') OR kind ~ '^REFUND:[0-9a-f-]{36}$');
