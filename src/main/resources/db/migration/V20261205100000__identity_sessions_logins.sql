-- Web sessions in the database (Spring Session JDBC's PostgreSQL schema under identity's
-- names), so that ending a user's sessions ends them on every node at once.
CREATE TABLE identity_sessions (
    primary_id            char(36)     NOT NULL PRIMARY KEY,
    session_id            char(36)     NOT NULL,
    creation_time         bigint       NOT NULL,
    last_access_time      bigint       NOT NULL,
    max_inactive_interval int          NOT NULL,
    expiry_time           bigint       NOT NULL,
    principal_name        varchar(100)
);
CREATE UNIQUE INDEX identity_sessions_ix1 ON identity_sessions (session_id);
CREATE INDEX identity_sessions_ix2 ON identity_sessions (expiry_time);
CREATE INDEX identity_sessions_ix3 ON identity_sessions (principal_name);

CREATE TABLE identity_sessions_attributes (
    session_primary_id char(36)     NOT NULL REFERENCES identity_sessions (primary_id) ON DELETE CASCADE,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    PRIMARY KEY (session_primary_id, attribute_name)
);

-- security_stamp changes whenever the password, the roles or the status change (and on a
-- lockout): a node's cache of verified API credentials compares it before trusting an entry.
-- must_change_password: set for an administrator whose password was generated at first start.
-- totp_secret: the second factor's key, encrypted (FieldEncryption); totp_last_step: the last
-- time step accepted, so a code works once.
ALTER TABLE identity_users
    ADD COLUMN security_stamp       bigint  NOT NULL DEFAULT 0,
    ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
    ADD COLUMN totp_secret          bytea,
    ADD COLUMN totp_last_step       bigint  NOT NULL DEFAULT 0;

-- Bucket4j's token buckets of failed logins, per user and per source address (key 'user:…' or
-- 'address:…'); expires_at lets full buckets be removed.
CREATE TABLE identity_login_buckets (
    id         text   NOT NULL PRIMARY KEY,
    state      bytea,
    expires_at bigint
);
CREATE INDEX identity_login_buckets_expiry_idx ON identity_login_buckets (expires_at);

-- Users locked out by failed logins, as shown to administrators (the buckets hold the truth).
CREATE TABLE identity_lockouts (
    username   text        NOT NULL PRIMARY KEY,
    locked_at  timestamptz NOT NULL,
    until      timestamptz NOT NULL
);
