-- A chargeback the creditor won is paid again (LinkPayments.reinstated): the link's
-- attempts record it as REINSTATED.
ALTER TABLE payment_link_attempts DROP CONSTRAINT payment_link_attempts_outcome_check;
ALTER TABLE payment_link_attempts ADD CONSTRAINT payment_link_attempts_outcome_check
    CHECK (outcome IN ('CAPTURED', 'FAILED', 'REFUNDED', 'CHARGEBACK', 'REINSTATED'));
