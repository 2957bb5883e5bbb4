-- Monthly targets of an agent, a team or a creditor, one row per measure (and currency,
-- for the amount collected). Effective-dated: a change never overwrites a value; it marks
-- the row replaced (by whom, when) and inserts the new one, so the history of a target is
-- its rows. The current target is the row not replaced.
CREATE TABLE reporting_targets (
    id          uuid          PRIMARY KEY,
    period      char(7)       NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    scope       text          NOT NULL CHECK (scope IN ('AGENT', 'TEAM', 'CREDITOR')),
    scope_id    text          NOT NULL,
    measure     text          NOT NULL CHECK (measure IN ('COLLECTED', 'PROMISES_KEPT', 'ACCOUNTS_RESOLVED')),
    currency    char(3)       CHECK ((measure = 'COLLECTED') = (currency IS NOT NULL)),
    value       numeric(19,4) NOT NULL CHECK (value >= 0),
    set_by      text          NOT NULL,
    set_at      timestamptz   NOT NULL,
    source      text          NOT NULL CHECK (source IN ('PAGE', 'API', 'IMPORT')),
    replaced_by text,
    replaced_at timestamptz,
    CHECK ((replaced_at IS NULL) = (replaced_by IS NULL))
);

CREATE UNIQUE INDEX reporting_targets_current ON reporting_targets (period, scope, scope_id, measure, coalesce(currency, ''))
    WHERE replaced_at IS NULL;

CREATE INDEX reporting_targets_history ON reporting_targets (period, scope, scope_id, set_at);
