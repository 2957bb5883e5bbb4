-- Next account's own-accounts step at a million accounts. Walking the portfolio-wide order
-- index (V20261126235900) to find one agent's account passes over every other agent's
-- accounts and every account resting after a call, so it slowed through the day (about
-- 1,300 index entries and 20 ms after 1,100 calls by 200 agents). Each assignment now
-- carries its account's order (days past due, balance), refreshed by WorkOrder, so the
-- step walks only the agent's own list.
ALTER TABLE work_assignments
    ADD COLUMN days_past_due integer       NOT NULL DEFAULT 0,
    ADD COLUMN balance       numeric(19,4) NOT NULL DEFAULT 0;

UPDATE work_assignments w
SET days_past_due = a.days_past_due, balance = a.principal + a.interest + a.fees
FROM portfolio_accounts a
WHERE a.id = w.account_id;

CREATE INDEX work_assignments_order_idx
    ON work_assignments (agent, days_past_due DESC, balance DESC, account_id) WHERE agent IS NOT NULL;

-- the order index's leading column serves lookups by agent
DROP INDEX work_assignments_agent_idx;
