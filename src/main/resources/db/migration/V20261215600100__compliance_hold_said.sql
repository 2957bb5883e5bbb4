-- Why a hold was placed and why it was lifted, as pages say them in the reader's language,
-- beside the English reason the API and the audit trail keep: a message key with typed
-- arguments (org.dues.shared.PhraseJson), where the hold was placed or lifted by a rule of
-- the application (a dispute, a complaint, a legal referral). Holds from before, and
-- reasons people type, have none; pages show their reason as written.
ALTER TABLE compliance_holds ADD COLUMN reason_said jsonb;
ALTER TABLE compliance_holds ADD COLUMN lift_said jsonb;

-- Lifting sets the lift's phrase with its reason, in the same one change.
CREATE OR REPLACE FUNCTION compliance_lift_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '% keeps every record: lift it instead of deleting it', TG_TABLE_NAME;
    END IF;
    IF OLD.lifted_at IS NOT NULL OR NEW.lifted_at IS NULL OR NEW.lifted_by IS NULL
       OR to_jsonb(NEW) - ARRAY['lifted_at', 'lifted_by', 'lift_reason', 'lift_said']
          IS DISTINCT FROM to_jsonb(OLD) - ARRAY['lifted_at', 'lifted_by', 'lift_reason', 'lift_said'] THEN
        RAISE EXCEPTION '% is append-only: a record can only be lifted, once', TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
