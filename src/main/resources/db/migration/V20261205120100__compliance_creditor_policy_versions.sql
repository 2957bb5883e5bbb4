-- A creditor's contact-policy layer is changed as a versioned diff: each version names the
-- one it was based on and, when made by a merge patch, the patch itself. Versions are kept
-- as written: the table becomes append-only.
ALTER TABLE compliance_creditor_policies ADD COLUMN based_on integer;
ALTER TABLE compliance_creditor_policies ADD COLUMN change jsonb;
-- versions written before replaced the whole layer, each over the one before it
UPDATE compliance_creditor_policies SET based_on = version - 1 WHERE version > 1;
CREATE TRIGGER compliance_creditor_policies_no_change BEFORE UPDATE OR DELETE ON compliance_creditor_policies
    FOR EACH ROW EXECUTE FUNCTION compliance_append_only();
