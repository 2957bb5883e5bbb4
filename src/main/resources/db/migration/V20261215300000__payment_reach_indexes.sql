-- Who took a payment or made a payment link in the last day reaches its account
-- (PaymentReach): the accounts of one person's recent payments and links, read once per
-- listing of the accounts they may open.
CREATE INDEX payment_payments_recorder_idx ON payment_payments (recorded_by, recorded_at);
CREATE INDEX payment_links_creator_idx ON payment_links (created_by, created_at);
