-- compliance_restriction_change_facts: when a customer's holds, consents, inconvenient
-- times or banned media last changed (recorded or lifted), as the system recorded it. Next
-- account reads it to see whether anything changed since it prepared an account for an
-- agent (then it asks the gate again instead of handing the prepared one out).
CREATE VIEW compliance_restriction_change_facts AS
SELECT customer_id, placed_at AS changed_at FROM compliance_holds
UNION ALL SELECT customer_id, lifted_at FROM compliance_holds WHERE lifted_at IS NOT NULL
UNION ALL SELECT customer_id, recorded_at FROM compliance_consents
UNION ALL SELECT customer_id, lifted_at FROM compliance_consents WHERE lifted_at IS NOT NULL
UNION ALL SELECT customer_id, recorded_at FROM compliance_blackouts
UNION ALL SELECT customer_id, lifted_at FROM compliance_blackouts WHERE lifted_at IS NOT NULL
UNION ALL SELECT customer_id, recorded_at FROM compliance_channel_bans
UNION ALL SELECT customer_id, lifted_at FROM compliance_channel_bans WHERE lifted_at IS NOT NULL;
