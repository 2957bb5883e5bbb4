-- What an agent brings to the work (the regions they cover, and for Indian accounts the
-- recovery-agent certificate the RBI's directions require, with its expiry), and the
-- teams agents work in under a lead.
ALTER TABLE identity_users
    ADD COLUMN regions                text[] NOT NULL DEFAULT '{}',
    ADD COLUMN certificate_number     text,
    ADD COLUMN certificate_expires_on date;

CREATE TABLE identity_teams (
    id          uuid        NOT NULL PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    lead        text        REFERENCES identity_users (username),
    created_at  timestamptz NOT NULL
);

CREATE TABLE identity_team_members (
    team_id   uuid NOT NULL REFERENCES identity_teams (id),
    username  text NOT NULL REFERENCES identity_users (username),
    PRIMARY KEY (team_id, username)
);
CREATE INDEX identity_team_members_user_idx ON identity_team_members (username);
