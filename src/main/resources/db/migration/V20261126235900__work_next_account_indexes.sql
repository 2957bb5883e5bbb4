-- Next account at a million accounts (issue 6's load test). The order of the own-accounts
-- step and of queues sorted by days past due, so next account walks the accounts from the
-- most urgent and stops at the first the agent may take (2 ms) instead of sorting all of
-- the agent's accounts on every ask (70 to 120 ms for 5,000 accounts of a million).
-- (Open follow-ups are indexed by account in V20261126220300.)
CREATE INDEX portfolio_accounts_work_order_idx
    ON portfolio_accounts (days_past_due DESC, (principal + interest + fees) DESC, id) WHERE status = 'ACTIVE';
