-- Each team queue's accounts in the queue's order, as of the queue's last refresh (when it
-- is defined or changed, and every few minutes; Queues.refreshMembers). Next account walks
-- this list instead of the whole portfolio: with a million accounts, a queue of the
-- SMA-1 and SMA-2 buckets sorted by days past due walked past half a million NPA accounts
-- on every ask. Whether a member may still be taken (pooled, still matching the filters,
-- active, not resting, not locked, the gate) is checked when it is asked for; only an
-- account that has newly come to match waits for the next refresh.
CREATE TABLE work_queue_members (
    queue_id    uuid   NOT NULL REFERENCES work_queues (id) ON DELETE CASCADE,
    position    bigint NOT NULL,
    account_id  uuid   NOT NULL,
    PRIMARY KEY (queue_id, position)
);
