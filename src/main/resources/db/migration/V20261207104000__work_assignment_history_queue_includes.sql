-- A lead's bulk work on the accounts browser (docs/leads.md).
--
-- work_assignment_history: who gave which account to whom, and when, one row per account
-- whose owner changed (an agent, or the pool: NULL), insert-only. work_assignments keeps
-- only the present owner; this keeps every move, by the browser's bulk actions, the
-- supervisor's reassignments and the API alike. batch_id names the bulk action
-- (work_bulk_actions) that made the move; queue_id the queue an account was added to when
-- that gave it back to the pool.
CREATE TABLE work_assignment_history (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id   uuid        NOT NULL,
    from_agent   text,
    to_agent     text,
    queue_id     uuid,
    batch_id     uuid,
    assigned_by  text        NOT NULL,
    assigned_at  timestamptz NOT NULL
);
CREATE INDEX work_assignment_history_account_idx ON work_assignment_history (account_id, id);
CREATE INDEX work_assignment_history_batch_idx ON work_assignment_history (batch_id) WHERE batch_id IS NOT NULL;
CREATE OR REPLACE FUNCTION work_assignment_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'work_assignment_history is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER work_assignment_history_no_change BEFORE UPDATE OR DELETE ON work_assignment_history
    FOR EACH ROW EXECUTE FUNCTION work_assignment_history_append_only();

-- work_queue_includes: accounts a lead added to a queue by hand, beside those its filters
-- match. A queue holds a pooled account of one of its statuses that its filters match or
-- that is on this list (Queues.QueueView.selection); the list goes with the queue.
CREATE TABLE work_queue_includes (
    queue_id    uuid        NOT NULL REFERENCES work_queues (id) ON DELETE CASCADE,
    account_id  uuid        NOT NULL REFERENCES portfolio_accounts (id),
    added_by    text        NOT NULL,
    added_at    timestamptz NOT NULL,
    batch_id    uuid,
    PRIMARY KEY (queue_id, account_id)
);

-- work_bulk_actions: each bulk action of the browser, once: its id is the token of the form
-- it was sent from, so a form sent again (a double click, a retry after a timeout) answers
-- what the first did and changes nothing. Who, when, what (ASSIGN or ADD_TO_QUEUE), to whom
-- or which queue, how the accounts were chosen (the ids checked, or the filters of "all
-- matching"), how many were chosen and changed, and how many of them an agent owned that
-- adding them to a queue gave back to the pool; insert-only.
CREATE TABLE work_bulk_actions (
    id          uuid        NOT NULL PRIMARY KEY,
    action      text        NOT NULL CHECK (action IN ('ASSIGN', 'ADD_TO_QUEUE')),
    actor       text        NOT NULL,
    at          timestamptz NOT NULL,
    target      text,
    selection   jsonb       NOT NULL,
    chosen      integer     NOT NULL,
    changed     integer     NOT NULL,
    released    integer     NOT NULL
);
CREATE INDEX work_bulk_actions_actor_idx ON work_bulk_actions (actor, at);
CREATE OR REPLACE FUNCTION work_bulk_actions_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'work_bulk_actions is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER work_bulk_actions_no_change BEFORE UPDATE OR DELETE ON work_bulk_actions
    FOR EACH ROW EXECUTE FUNCTION work_bulk_actions_append_only();
