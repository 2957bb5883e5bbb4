-- Portfolio's published faces for reporting (see V20261206100000): what the nightly
-- account snapshot reads of an account, a creditor and the creditor's bucket scheme.
-- Simple views over one table each, inlined by PostgreSQL.

-- An account's figures as a report states them: the balance is principal + interest +
-- fees, the overdue what is past due; product as placed.
CREATE VIEW portfolio_account_report_facts AS
SELECT id, creditor_id, customer_id, currency, product, status, bucket, days_past_due,
       principal + interest + fees AS balance, overdue_amount AS overdue, placed_at
FROM portfolio_accounts;

-- A creditor's name, currency, the time zone its days are told in and its bucket scheme.
CREATE VIEW portfolio_creditor_report_facts AS
SELECT id, code, name, currency, time_zone, bucket_scheme
FROM portfolio_creditors;

-- The bands of each bucket scheme, in order (ordinal 0 is the current, not overdue, band).
CREATE VIEW portfolio_bucket_band_facts AS
SELECT scheme, ordinal, label, min_dpd, max_dpd
FROM portfolio_bucket_bands;
