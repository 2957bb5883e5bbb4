-- Casework's published face for reporting (see V20261206100000): each dispute and
-- complaint with its account and creditor, who opened it, when, by when it must be
-- answered and when it was closed.
CREATE VIEW casework_case_facts AS
SELECT id, type, account_id, creditor_id, opened_by, opened_at, due_on, closed_at, owner_user
FROM casework_cases
WHERE type IN ('DISPUTE', 'COMPLAINT');
