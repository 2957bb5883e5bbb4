CREATE TABLE identity_users (
    id            uuid        NOT NULL PRIMARY KEY,
    username      text        NOT NULL UNIQUE,
    display_name  text        NOT NULL,
    password_hash text        NOT NULL,
    roles         text[]      NOT NULL,
    languages     text[]      NOT NULL DEFAULT '{}',
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    CONSTRAINT identity_users_roles_known CHECK (roles <@ ARRAY['AGENT','TEAM_LEAD','MANAGER','COMPLIANCE','ADMIN']::text[])
);
