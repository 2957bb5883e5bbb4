-- The payments of one bulk posting (a bank statement's matched credits) name their batch
-- and their place in it, so that the batch's events name a range of it instead of
-- carrying each payment: the listeners read their part when they run (PaymentsPosted,
-- ReceiptsIssued).
ALTER TABLE payment_payments ADD COLUMN batch_id uuid, ADD COLUMN batch_seq integer;
CREATE INDEX payment_payments_batch_idx ON payment_payments (batch_id, batch_seq) WHERE batch_id IS NOT NULL;
