-- Arrangement's published face for reporting (see V20261206100200): each promise to pay
-- with the day it falls due (its last instalment's), who took it, its amount, and how it
-- ended (kept, broken) and when, so a report can state the kept rate of the promises due
-- in a period.
CREATE VIEW arrangement_promise_due_facts AS
SELECT a.id, a.account_id, a.creditor_id, a.created_by AS taken_by, a.currency, a.amount, a.created_at,
       i.due_on, a.status = 'KEPT' AS kept, a.status = 'BROKEN' AS broken,
       a.status IN ('ACTIVE', 'PENDING_APPROVAL') AS open, a.closed_at
FROM arrangement_arrangements a
JOIN arrangement_instalments i ON i.arrangement_id = a.id
WHERE a.kind = 'PROMISE'
  AND NOT EXISTS (SELECT 1 FROM arrangement_instalments l WHERE l.arrangement_id = a.id AND l.seq > i.seq);

-- Arrangements (promises, plans, settlements) as they ended, for the daily counters of
-- kept and broken: the day is the day each closed.
CREATE VIEW arrangement_outcome_facts AS
SELECT id, account_id, creditor_id, kind, created_by AS taken_by, currency, amount, closed_at,
       status IN ('KEPT', 'COMPLETED') AS kept, status = 'BROKEN' AS broken
FROM arrangement_arrangements
WHERE kind IN ('PROMISE', 'PLAN', 'SETTLEMENT') AND closed_at IS NOT NULL;

CREATE INDEX arrangement_arrangements_closed_idx ON arrangement_arrangements (closed_at)
    WHERE kind IN ('PROMISE', 'PLAN', 'SETTLEMENT') AND closed_at IS NOT NULL;
