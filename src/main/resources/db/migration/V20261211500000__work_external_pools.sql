-- Accounts worked outside the house (docs/casework.md, Agencies): an account placed with
-- an external agency is worked by the agency only, so it leaves every in-house queue
-- (Queues.QueueView.selection leaves out the accounts listed here) and next account hands
-- it to the users of its pool alone (NextAccount). The casework module parks and unparks
-- accounts through ExternalWork and names the pool a user works for through
-- ExternalPools; days_past_due and balance are copied when the account is parked, the
-- order in which the pool's users are given them.
CREATE TABLE work_external_accounts (
    account_id    uuid          PRIMARY KEY,
    pool          text          NOT NULL,
    days_past_due integer       NOT NULL,
    balance       numeric(19,4) NOT NULL,
    parked_at     timestamptz   NOT NULL,
    parked_by     text          NOT NULL
);
CREATE INDEX work_external_accounts_pool_idx ON work_external_accounts (pool, days_past_due DESC, balance DESC);
