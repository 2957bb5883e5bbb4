-- A role's authority for a creditor has a version, raised by every change (a role without a
-- row of its own has the defaults, version 0), with who made the last change and when: an
-- edit names the version its form was filled on and is refused when someone changed the row
-- meanwhile. The changes themselves, before and after, are in the audit trail.
ALTER TABLE arrangement_authority ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE arrangement_authority ADD COLUMN changed_at timestamptz;
ALTER TABLE arrangement_authority ADD COLUMN changed_by text;
