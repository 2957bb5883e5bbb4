-- work's published faces for reporting.
--
-- work_lease_facts: which agent has which account open (a lease that ends by itself at
-- expires_at; a reader asks for the live ones).
CREATE VIEW work_lease_facts AS
SELECT account_id, agent, locked_at, expires_at
FROM work_locks;

-- work_promise_facts: promises, plans and settlements an agent agreed at the desk, with
-- their amounts, as work records them (an outcome with an amount).
CREATE VIEW work_promise_facts AS
SELECT account_id, agent, recorded_at, outcome, currency, amount
FROM work_dispositions
WHERE outcome IN ('PROMISE_TO_PAY', 'PLAN_AGREED', 'SETTLEMENT_AGREED') AND currency IS NOT NULL;
