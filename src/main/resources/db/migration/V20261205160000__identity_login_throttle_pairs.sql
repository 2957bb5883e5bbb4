-- Failed logins are counted per user and source address, per user everywhere (a slower, more
-- generous limit) and per address; wrong one-time codes per user on their own. A lockout is
-- recorded per scope: 'all' (every address but the user's known ones), 'address:<addr>' (the
-- user from that address), 'second-factor' (one-time codes).
ALTER TABLE identity_lockouts ADD COLUMN scope text NOT NULL DEFAULT 'all';
ALTER TABLE identity_lockouts DROP CONSTRAINT identity_lockouts_pkey;
ALTER TABLE identity_lockouts ADD PRIMARY KEY (username, scope);

-- Addresses a user logged in from recently (IPv6 by their /64): failures from elsewhere do
-- not lock the user out there.
CREATE TABLE identity_login_addresses (
    username   text        NOT NULL,
    address    text        NOT NULL,
    last_login timestamptz NOT NULL,
    PRIMARY KEY (username, address)
);
CREATE INDEX identity_login_addresses_last_idx ON identity_login_addresses (last_login);
