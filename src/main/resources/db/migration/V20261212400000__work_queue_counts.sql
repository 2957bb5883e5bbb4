-- Each team queue's size (the pooled accounts its selection holds) and its oldest debt,
-- kept so that the supervisor's floor reads them instead of counting a million accounts
-- (work's QueueCounts). A full count writes the row (when the queue is defined or
-- changed, and by the pass every few minutes that lists queues again); every change
-- work itself makes to which accounts are pooled (assigning, pooling, adding to a queue
-- by hand, parking with an external agency) adjusts it in the same transaction. What
-- other modules change (aging, balances, statuses) is caught up by the next full count,
-- whose time counted_at keeps for the page to show.
CREATE TABLE work_queue_counts (
    queue_id             uuid        PRIMARY KEY REFERENCES work_queues (id) ON DELETE CASCADE,
    accounts             bigint      NOT NULL CHECK (accounts >= 0),
    oldest_days_past_due integer,
    counted_at           timestamptz NOT NULL,
    changed_at           timestamptz NOT NULL
);
