-- Arrangement's published face for the agents' scorecard (reporting): each promise, plan
-- or settlement that was kept (a promise paid in full, a plan or settlement whose every
-- instalment was paid), who took it, when it was kept and its agreed amount. A simple view
-- over one table, inlined by PostgreSQL; the index serves a reader's filter on the takers
-- and the period.
CREATE VIEW arrangement_kept_facts AS
SELECT id, account_id, kind, created_by AS taken_by, currency, amount, closed_at AS kept_at
FROM arrangement_arrangements
WHERE status IN ('KEPT', 'COMPLETED') AND kind IN ('PROMISE', 'PLAN', 'SETTLEMENT');

CREATE INDEX arrangement_arrangements_kept_idx ON arrangement_arrangements (created_by, closed_at)
    WHERE status IN ('KEPT', 'COMPLETED') AND kind IN ('PROMISE', 'PLAN', 'SETTLEMENT');
