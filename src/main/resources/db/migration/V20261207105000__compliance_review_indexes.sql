-- The compliance officer's pages: the audit trail searched by actor, action, subject and
-- period, newest first, and the attempts the gate refused, by period. Each filter of the
-- trail walks its own index in sequence order, so a page of the newest matching records
-- reads only those, however long the trail; the refusals are a small part of all
-- decisions, so their index holds only them.
CREATE INDEX compliance_audit_actor_idx ON compliance_audit (actor, seq);
CREATE INDEX compliance_audit_action_idx ON compliance_audit (action, seq);
CREATE INDEX compliance_audit_subject_idx ON compliance_audit (subject, seq);
CREATE INDEX compliance_audit_recorded_idx ON compliance_audit (recorded_at);
CREATE INDEX compliance_decisions_blocked_idx ON compliance_decisions (decided_at) WHERE outcome = 'BLOCKED';
