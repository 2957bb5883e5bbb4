-- What a million-row import pays for in index and check upkeep, measured on one 2-core
-- machine (1.2 million phones, 940,000 accounts; README, Benchmarks):
--
-- Phones are only ever looked up by whole number (search, inbound matching), never by
-- range or prefix, so a hash index serves them; a B-tree over numbers that arrive in no
-- order cost about 6.5 µs a phone to insert into, the hash index about 2.5 µs.
DROP INDEX customer_phones_e164_idx;
CREATE INDEX customer_phones_e164_idx ON customer_phones USING hash (e164);

-- The same rule as the regular expression '^\+[1-9][0-9]{6,14}$' (a plus, a first digit
-- that is not 0, 7 to 15 digits in all, ASCII digits only), without running the regular
-- expression engine for every phone written (about 3 µs a phone).
ALTER TABLE customer_phones DROP CONSTRAINT customer_phones_e164_check;
ALTER TABLE customer_phones ADD CONSTRAINT customer_phones_e164_check CHECK (
    length(e164) BETWEEN 8 AND 16 AND left(e164, 1) = '+' AND strpos('123456789', substr(e164, 2, 1)) > 0
    AND ltrim(substr(e164, 2), '0123456789') = '');

-- Next account no longer walks accounts in days-past-due order: an agent's own accounts
-- are ordered on work_assignments (V20261127000000) and team queues on their listing,
-- work_queue_members (V20261127000100). Only a lead's occasional "assign the first N of a
-- queue" still read this index (8 ms with it, 0.8 s sorting a million accounts without),
-- and every account written paid for it.
DROP INDEX portfolio_accounts_work_order_idx;
