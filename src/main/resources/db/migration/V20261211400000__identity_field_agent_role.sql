-- A field agent visits customers at their address: a role of its own, which reaches only
-- the accounts of the visits given to it (casework's VisitReach).
ALTER TABLE identity_users DROP CONSTRAINT identity_users_roles_known;
ALTER TABLE identity_users ADD CONSTRAINT identity_users_roles_known
    CHECK (roles <@ ARRAY['AGENT','TEAM_LEAD','MANAGER','COMPLIANCE','ADMIN','FIELD_AGENT']::text[]);
