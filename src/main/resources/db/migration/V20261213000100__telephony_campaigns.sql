-- Dial campaigns: a queue of the work module dialled in a mode (preview, progressive,
-- predictive) within its hours, at most max_dial_ratio calls ringing per agent logged in,
-- each call followed by wrap_seconds of wrap-up; the caller id per creditor and number
-- prefix; retry rules per outcome; the agents who take its calls. A running campaign is
-- dialled by one node at a time (pg_try_advisory_lock per campaign).
CREATE TABLE telephony_campaigns (
    id               bigserial   PRIMARY KEY,
    name             text        NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    queue_id         uuid        NOT NULL,
    mode             text        NOT NULL CHECK (mode IN ('PREVIEW', 'PROGRESSIVE', 'PREDICTIVE')),
    hours_from       time        NOT NULL,
    hours_to         time        NOT NULL,
    zone             text        NOT NULL,
    max_dial_ratio   numeric(4, 2) NOT NULL CHECK (max_dial_ratio >= 1 AND max_dial_ratio <= 5),
    wrap_seconds     integer     NOT NULL CHECK (wrap_seconds BETWEEN 0 AND 3600),
    busy_retry_minutes        integer NOT NULL CHECK (busy_retry_minutes BETWEEN 1 AND 10080),
    busy_max_tries            integer NOT NULL CHECK (busy_max_tries BETWEEN 1 AND 20),
    no_answer_retry_minutes   integer NOT NULL CHECK (no_answer_retry_minutes BETWEEN 1 AND 10080),
    no_answer_max_tries       integer NOT NULL CHECK (no_answer_max_tries BETWEEN 1 AND 20),
    machine_retry_minutes     integer NOT NULL CHECK (machine_retry_minutes BETWEEN 1 AND 10080),
    machine_max_tries         integer NOT NULL CHECK (machine_max_tries BETWEEN 1 AND 20),
    running          boolean     NOT NULL DEFAULT false,
    -- the predictive pacer's margin on the node dialling it, for the lead's figures
    margin           double precision,
    created_by       text        NOT NULL,
    created_at       timestamptz NOT NULL,
    version          integer     NOT NULL DEFAULT 0
);

CREATE TABLE telephony_campaign_members (
    campaign_id  bigint NOT NULL REFERENCES telephony_campaigns (id) ON DELETE CASCADE,
    username     text   NOT NULL,
    PRIMARY KEY (campaign_id, username)
);

CREATE INDEX telephony_campaign_members_user ON telephony_campaign_members (username);

-- The caller id a campaign shows: for a creditor (null: any) and a prefix of the
-- customer's number (empty: any); the most specific rule wins.
CREATE TABLE telephony_campaign_caller_ids (
    campaign_id  bigint NOT NULL REFERENCES telephony_campaigns (id) ON DELETE CASCADE,
    creditor     text   NOT NULL DEFAULT '',
    prefix       text   NOT NULL DEFAULT '' CHECK (prefix = '' OR prefix ~ '^\+[0-9]{1,6}$'),
    caller_id    text   NOT NULL CHECK (caller_id ~ '^\+[1-9][0-9]{6,14}$'),
    PRIMARY KEY (campaign_id, creditor, prefix)
);

-- Each account a campaign dialled: how many tries, the last outcome, when it may be tried
-- again (null: not again).
CREATE TABLE telephony_campaign_accounts (
    campaign_id  bigint      NOT NULL REFERENCES telephony_campaigns (id) ON DELETE CASCADE,
    account_id   uuid        NOT NULL,
    tries        integer     NOT NULL,
    last_outcome text,
    last_at      timestamptz NOT NULL,
    next_try_at  timestamptz,
    PRIMARY KEY (campaign_id, account_id)
);

ALTER TABLE telephony_calls ADD COLUMN campaign_id bigint;
ALTER TABLE telephony_calls ADD COLUMN abandoned_at timestamptz;
ALTER TABLE telephony_calls ADD COLUMN claimed_by text;
-- when the dialer took the ended call into its pacing history
ALTER TABLE telephony_calls ADD COLUMN settled_at timestamptz;
CREATE INDEX telephony_calls_campaign ON telephony_calls (campaign_id, created_at) WHERE campaign_id IS NOT NULL;
CREATE INDEX telephony_calls_in_flight ON telephony_calls (campaign_id) WHERE campaign_id IS NOT NULL AND settled_at IS NULL;
