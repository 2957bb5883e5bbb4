-- Work's published faces for reporting (see V20261206100000): who owns each account (an
-- agent, or nobody when it is pooled) and the team queues a pooled account stands in.
CREATE VIEW work_owner_facts AS
SELECT account_id, agent
FROM work_assignments;

CREATE VIEW work_queue_member_facts AS
SELECT queue_id, account_id
FROM work_queue_members;

CREATE VIEW work_queue_report_facts AS
SELECT id, team_id, name, priority, active
FROM work_queues;
