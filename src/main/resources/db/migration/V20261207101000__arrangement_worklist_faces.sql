-- Arrangement's published faces for the agent's worklist (work), beside arrangement_facts.
--
-- arrangement_instalment_facts: each instalment of a promise, plan or settlement (a promise
-- has one) with its date, amount and what is paid; due: still to be paid (pending or
-- partly paid, within its grace or not yet come); missed: its date and grace passed
-- unpaid. The arrangement's account, kind and taker are in arrangement_facts.
CREATE VIEW arrangement_instalment_facts AS
SELECT arrangement_id, seq, due_on, amount, paid, status IN ('PENDING', 'PARTIAL') AS due,
       status = 'MISSED' AS missed
FROM arrangement_instalments;

-- arrangement_approval_facts: who asked for an approval and when, and whether and when it
-- was answered: answered is approved or rejected (a request cancelled with its
-- arrangement is not an answer).
CREATE VIEW arrangement_approval_facts AS
SELECT id, arrangement_id, requested_by, requested_at, status IN ('APPROVED', 'REJECTED') AS answered,
       status = 'APPROVED' AS approved, decided_by, decided_at
FROM arrangement_approvals;

-- The worklist reads, for one agent: the instalments still to be paid by their date, the
-- arrangements an agent took that are open, and the answers to the agent's requests.
CREATE INDEX arrangement_instalments_due_idx ON arrangement_instalments (due_on)
    WHERE status IN ('PENDING', 'PARTIAL', 'MISSED');
CREATE INDEX arrangement_arrangements_taker_idx ON arrangement_arrangements (created_by)
    WHERE status IN ('ACTIVE', 'PENDING_APPROVAL');
CREATE INDEX arrangement_approvals_requester_idx ON arrangement_approvals (requested_by, decided_at);
