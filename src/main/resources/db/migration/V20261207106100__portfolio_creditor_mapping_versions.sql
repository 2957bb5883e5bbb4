-- A creditor's and a mapping profile's version, raised by every change, with who made the last
-- one and when: an edit names the version its form was filled on and is refused when someone
-- changed the record meanwhile, instead of silently undoing their change. The changes
-- themselves, before and after, are in the audit trail.
ALTER TABLE portfolio_creditors ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE portfolio_creditors ADD COLUMN changed_at timestamptz;
ALTER TABLE portfolio_creditors ADD COLUMN changed_by text;

ALTER TABLE portfolio_mapping_profiles ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE portfolio_mapping_profiles ADD COLUMN changed_at timestamptz;
ALTER TABLE portfolio_mapping_profiles ADD COLUMN changed_by text;
