-- Arrangement's published face (see V20261206100000): where each arrangement of an
-- account stands, as booleans, so no other module spells arrangement's statuses.
-- open: awaiting approval or in force; in_force: approved and running; broken: broken.
-- A simple view, inlined by PostgreSQL: "open AND kind IN ('PROMISE', 'PLAN',
-- 'SETTLEMENT')" is the predicate of the index arrangement_one_open_per_account, and the
-- account's arrangements are found by arrangement_arrangements_account_idx.
CREATE VIEW arrangement_facts AS
SELECT id, account_id, kind, status IN ('ACTIVE', 'PENDING_APPROVAL') AS open, status = 'ACTIVE' AS in_force,
       status = 'BROKEN' AS broken, created_at
FROM arrangement_arrangements;
