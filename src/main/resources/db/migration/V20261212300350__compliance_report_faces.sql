-- Compliance's published face for reporting (see V20261206100000): the rules that blocked
-- each blocked contact decision, one row a rule, for the count of blocked attempts by rule.
CREATE VIEW compliance_blocking_rule_facts AS
SELECT d.id AS decision_id, d.account_id, d.decided_at, r.value ->> 'rule' AS rule
FROM compliance_decisions d
CROSS JOIN LATERAL jsonb_array_elements(d.rules) r
WHERE d.outcome = 'BLOCKED' AND r.value ->> 'outcome' = 'BLOCKED';
