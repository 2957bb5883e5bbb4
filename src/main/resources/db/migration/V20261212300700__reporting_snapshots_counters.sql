-- Reporting's kept facts: the nightly account snapshot, its daily roll-up, the month-end
-- bucket migrations, and the daily counters of activity. All are reporting's own tables,
-- filled set-based from the faces other modules publish; each is rebuilt whole for the
-- day (or month) it covers, so taking it again replaces it.

-- Every account as it stood on a day (the creditor's local day on which the snapshot was
-- taken). Partitioned by month; the snapshot job creates partitions ahead and drops those
-- older than the retention (dues.reporting.snapshot-retention, 25 months by default).
CREATE TABLE reporting_account_snapshots (
    day           date          NOT NULL,
    account_id    uuid          NOT NULL,
    creditor_id   uuid          NOT NULL,
    currency      char(3)       NOT NULL,
    product       text,
    status        text          NOT NULL,
    bucket        text,
    bucket_rank   smallint,
    days_past_due integer       NOT NULL,
    balance       numeric(19,4) NOT NULL,
    overdue       numeric(19,4) NOT NULL,
    agent         text,
    team_id       uuid,
    queue_id      uuid,
    region        text,
    language      text,
    PRIMARY KEY (day, account_id)
) PARTITION BY RANGE (day);

-- Which creditor's day has been taken, when, and how long it took.
CREATE TABLE reporting_snapshot_runs (
    creditor_id uuid        NOT NULL,
    day         date        NOT NULL,
    taken_at    timestamptz NOT NULL,
    accounts    bigint      NOT NULL,
    millis      bigint      NOT NULL,
    PRIMARY KEY (creditor_id, day)
);

-- A day's snapshot added up by every dimension a report filters on: what dashboards read
-- (thousands of rows a day instead of a million).
CREATE TABLE reporting_portfolio_daily (
    day          date          NOT NULL,
    creditor_id  uuid          NOT NULL,
    currency     char(3)       NOT NULL,
    product      text,
    status       text          NOT NULL,
    bucket       text,
    bucket_rank  smallint,
    agent        text,
    team_id      uuid,
    queue_id     uuid,
    region       text,
    language     text,
    accounts     bigint        NOT NULL,
    delinquent   bigint        NOT NULL,
    balance      numeric(21,4) NOT NULL,
    overdue      numeric(21,4) NOT NULL
);
CREATE INDEX reporting_portfolio_daily_day_idx ON reporting_portfolio_daily (day, creditor_id);

-- Month over month: each account active at the end of the previous month, where it stood
-- then (from_) and at the end of the month (to_: its bucket while active, else its
-- status), added up by the dimensions of the previous month end.
CREATE TABLE reporting_roll_moves (
    month        date          NOT NULL,
    creditor_id  uuid          NOT NULL,
    currency     char(3)       NOT NULL,
    product      text,
    region       text,
    language     text,
    agent        text,
    team_id      uuid,
    queue_id     uuid,
    from_bucket  text,
    from_rank    smallint,
    to_bucket    text,
    to_rank      smallint,
    to_status    text          NOT NULL,
    accounts     bigint        NOT NULL,
    balance      numeric(21,4) NOT NULL,
    CHECK (month = date_trunc('month', month))
);
CREATE INDEX reporting_roll_moves_month_idx ON reporting_roll_moves (month, creditor_id);

-- Which month's migrations were computed for a creditor, and from which two days.
CREATE TABLE reporting_roll_runs (
    month       date        NOT NULL,
    creditor_id uuid        NOT NULL,
    from_day    date        NOT NULL,
    to_day      date        NOT NULL,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (month, creditor_id)
);

-- Activity by day (the creditor's local day), creditor and agent ('' for nobody): the
-- counters dashboards add up per agent, team and creditor. Rebuilt for the last days by
-- the counters job, so a late event or a late outcome is counted on its day.
CREATE TABLE reporting_daily_counters (
    day                date          NOT NULL,
    creditor_id        uuid          NOT NULL,
    agent              text          NOT NULL,
    attempts           bigint        NOT NULL DEFAULT 0,
    right_party        bigint        NOT NULL DEFAULT 0,
    blocked            bigint        NOT NULL DEFAULT 0,
    active_hours       bigint        NOT NULL DEFAULT 0,
    promises           bigint        NOT NULL DEFAULT 0,
    promised           numeric(21,4) NOT NULL DEFAULT 0,
    kept               bigint        NOT NULL DEFAULT 0,
    kept_amount        numeric(21,4) NOT NULL DEFAULT 0,
    broken             bigint        NOT NULL DEFAULT 0,
    broken_amount      numeric(21,4) NOT NULL DEFAULT 0,
    payments           bigint        NOT NULL DEFAULT 0,
    paid               numeric(21,4) NOT NULL DEFAULT 0,
    reversals          bigint        NOT NULL DEFAULT 0,
    reversed           numeric(21,4) NOT NULL DEFAULT 0,
    messages_sent      bigint        NOT NULL DEFAULT 0,
    messages_delivered bigint        NOT NULL DEFAULT 0,
    disputes_opened    bigint        NOT NULL DEFAULT 0,
    disputes_closed    bigint        NOT NULL DEFAULT 0,
    complaints_opened  bigint        NOT NULL DEFAULT 0,
    complaints_closed  bigint        NOT NULL DEFAULT 0,
    PRIMARY KEY (day, creditor_id, agent)
);

-- Attempts the gate blocked, by day, creditor, agent and the rule that blocked them.
CREATE TABLE reporting_blocked_daily (
    day         date   NOT NULL,
    creditor_id uuid   NOT NULL,
    agent       text   NOT NULL,
    rule        text   NOT NULL,
    attempts    bigint NOT NULL,
    PRIMARY KEY (day, creditor_id, agent, rule)
);

-- A payment credit names the creditor of its account, so collections by creditor read
-- one table.
ALTER TABLE reporting_payment_credits ADD COLUMN creditor_id uuid;
UPDATE reporting_payment_credits p SET creditor_id = a.creditor_id
FROM portfolio_account_report_facts a WHERE a.id = p.account_id;
ALTER TABLE reporting_payment_credits ALTER COLUMN creditor_id SET NOT NULL;
CREATE INDEX reporting_payment_credits_received_idx ON reporting_payment_credits (received_on, creditor_id);
CREATE INDEX reporting_payment_credits_at_idx ON reporting_payment_credits (at, creditor_id);
