-- The audit chain is keyed: records carry an HMAC-SHA256 tag under a key kept outside the
-- database (scheme 2). Records written before carry a plain SHA-256 hash (scheme 1) and
-- are checked that way up to the record that introduced the key. Adding the column
-- rewrites no row (the append-only trigger is not involved); new rows must name their
-- scheme.
ALTER TABLE compliance_audit ADD COLUMN scheme smallint NOT NULL DEFAULT 1;
ALTER TABLE compliance_audit ALTER COLUMN scheme DROP DEFAULT;
ALTER TABLE compliance_audit ADD CONSTRAINT compliance_audit_scheme CHECK (scheme IN (1, 2));
