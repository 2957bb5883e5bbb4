-- Arrangement's published face gains who took each arrangement (created_by), so the
-- scope check can let an agent back onto an account whose open promise, plan or
-- settlement they took (a settlement waiting for approval takes the account off their
-- queue, yet it is theirs to follow). Columns are only appended, so the view is replaced
-- in place.
CREATE OR REPLACE VIEW arrangement_facts AS
SELECT id, account_id, kind, status IN ('ACTIVE', 'PENDING_APPROVAL') AS open, status = 'ACTIVE' AS in_force,
       status = 'BROKEN' AS broken, created_at, created_by
FROM arrangement_arrangements;
