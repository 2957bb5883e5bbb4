-- Holds, consents, inconvenient times and banned media are regulated state: a record is never
-- deleted, and its only change is being lifted, once (lifted_at, lifted_by and lift_reason set
-- where lifted_at was empty). Whatever the application's role may do to rows, it cannot do more.
CREATE FUNCTION compliance_lift_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION '% keeps every record: lift it instead of deleting it', TG_TABLE_NAME;
    END IF;
    IF OLD.lifted_at IS NOT NULL OR NEW.lifted_at IS NULL OR NEW.lifted_by IS NULL
       OR to_jsonb(NEW) - ARRAY['lifted_at', 'lifted_by', 'lift_reason']
          IS DISTINCT FROM to_jsonb(OLD) - ARRAY['lifted_at', 'lifted_by', 'lift_reason'] THEN
        RAISE EXCEPTION '% is append-only: a record can only be lifted, once', TG_TABLE_NAME;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER compliance_holds_lift_only BEFORE UPDATE OR DELETE ON compliance_holds
    FOR EACH ROW EXECUTE FUNCTION compliance_lift_only();
CREATE TRIGGER compliance_consents_lift_only BEFORE UPDATE OR DELETE ON compliance_consents
    FOR EACH ROW EXECUTE FUNCTION compliance_lift_only();
CREATE TRIGGER compliance_blackouts_lift_only BEFORE UPDATE OR DELETE ON compliance_blackouts
    FOR EACH ROW EXECUTE FUNCTION compliance_lift_only();
CREATE TRIGGER compliance_channel_bans_lift_only BEFORE UPDATE OR DELETE ON compliance_channel_bans
    FOR EACH ROW EXECUTE FUNCTION compliance_lift_only();

-- The base policies are versioned and effective-dated: a change is a new version, which the
-- migrations (the tables' owner) insert. Nobody else changes or deletes one.
CREATE FUNCTION compliance_policies_owner_only() RETURNS trigger AS $$
BEGIN
    IF NOT pg_has_role((SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
        RAISE EXCEPTION '% is append-only: a policy changes by a new version', TG_TABLE_NAME;
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER compliance_policies_no_change BEFORE UPDATE OR DELETE ON compliance_policies
    FOR EACH ROW EXECUTE FUNCTION compliance_policies_owner_only();
