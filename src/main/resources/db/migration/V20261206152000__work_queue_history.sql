-- A queue's version, raised by every change: an edit or a deletion that names the version
-- it was made on (If-Match, or the form's hidden field) is refused when someone changed the
-- queue meanwhile, instead of silently undoing their change.
ALTER TABLE work_queues ADD COLUMN version integer NOT NULL DEFAULT 1;

-- Who defined, changed, paused, resumed or deleted a queue, and when, with the queue as it
-- was before and after (name, filters, sort, priority, active): insert-only, and kept when
-- the queue is deleted (no foreign key), so a queue's filters can always be traced. The
-- queue's own record, not the compliance audit trail: that chain holds contact decisions
-- and regulated records; a queue's filters are work's configuration, read by queue.
CREATE TABLE work_queue_history (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue_id    uuid        NOT NULL,
    team_id     uuid        NOT NULL,
    action      text        NOT NULL,
    changed     text[]      NOT NULL,
    before      jsonb,
    after       jsonb,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL
);
CREATE INDEX work_queue_history_queue_idx ON work_queue_history (queue_id, id);
CREATE OR REPLACE FUNCTION work_queue_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'work_queue_history is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER work_queue_history_no_change BEFORE UPDATE OR DELETE ON work_queue_history
    FOR EACH ROW EXECUTE FUNCTION work_queue_history_append_only();
