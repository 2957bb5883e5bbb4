-- External collection agencies (docs/casework.md, Agencies).
--
-- casework_agencies: an agency as an organisation, with the commission it is paid by
-- default on what it collects (a percentage; each placement carries its own rate).
CREATE TABLE casework_agencies (
    id              uuid         PRIMARY KEY,
    code            text         NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,31}$'),
    name            text         NOT NULL,
    country         char(2)      NOT NULL,
    email           text,
    phone           text,
    commission_rate numeric(7,4) NOT NULL CHECK (commission_rate >= 0 AND commission_rate <= 100),
    active          boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL,
    created_by      text         NOT NULL
);

-- casework_agency_members: the users of an agency (an agent with the AGENT role, the
-- agency's manager with TEAM_LEAD). A user belongs to one agency for good: the membership
-- is written with the user and never changes, so the scope check may cache it; a user who
-- leaves is disabled, which ends their sessions.
CREATE TABLE casework_agency_members (
    username   text        PRIMARY KEY,
    agency_id  uuid        NOT NULL REFERENCES casework_agencies (id),
    added_at   timestamptz NOT NULL,
    added_by   text        NOT NULL
);
CREATE INDEX casework_agency_members_agency_idx ON casework_agency_members (agency_id);

-- casework_placements: accounts handed to an agency for a period at a commission rate.
CREATE TABLE casework_placements (
    id              uuid         PRIMARY KEY,
    agency_id       uuid         NOT NULL REFERENCES casework_agencies (id),
    placed_from     date         NOT NULL,
    placed_until    date         NOT NULL,
    commission_rate numeric(7,4) NOT NULL CHECK (commission_rate >= 0 AND commission_rate <= 100),
    placed_at       timestamptz  NOT NULL,
    placed_by       text         NOT NULL,
    CHECK (placed_until >= placed_from)
);
CREATE INDEX casework_placements_agency_idx ON casework_placements (agency_id, placed_at DESC);

-- casework_placement_accounts: each account of a placement, until it is recalled (by a
-- manager, at the placement's expiry, or on a dispute or complaint), with who and why. An
-- account is with one agency at a time: one row without a recall per account.
CREATE TABLE casework_placement_accounts (
    placement_id  uuid        NOT NULL REFERENCES casework_placements (id),
    account_id    uuid        NOT NULL,
    placed_at     timestamptz NOT NULL,
    recalled_at   timestamptz,
    recalled_by   text,
    recall_cause  text CHECK (recall_cause IN ('MANAGER', 'EXPIRY', 'CASE')),
    recall_reason text,
    PRIMARY KEY (placement_id, account_id),
    CHECK ((recalled_at IS NULL) = (recall_cause IS NULL))
);
CREATE UNIQUE INDEX casework_placement_accounts_one_agency ON casework_placement_accounts (account_id)
    WHERE recalled_at IS NULL;
