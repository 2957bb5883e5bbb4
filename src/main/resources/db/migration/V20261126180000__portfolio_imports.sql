-- Mapping profiles: how one creditor's files name their columns and write dates and amounts.
CREATE TABLE portfolio_mapping_profiles (
    id          uuid        NOT NULL PRIMARY KEY,
    creditor_id uuid        NOT NULL REFERENCES portfolio_creditors (id),
    name        text        NOT NULL,
    headers     jsonb       NOT NULL,
    date_format text,
    grouping    text        NOT NULL CHECK (grouping IN ('ANY', 'INDIAN', 'WESTERN')),
    created_at  timestamptz NOT NULL,
    UNIQUE (creditor_id, name)
);

-- One upload of an allocation file and its outcome.
CREATE TABLE portfolio_imports (
    id             uuid        NOT NULL PRIMARY KEY,
    creditor_id    uuid        NOT NULL REFERENCES portfolio_creditors (id),
    file_name      text        NOT NULL,
    file_format    text        NOT NULL CHECK (file_format IN ('CSV', 'XLSX')),
    mapping_name   text,
    status         text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    rows_total     int         NOT NULL DEFAULT 0,
    rows_read      int         NOT NULL DEFAULT 0,
    rows_created   int         NOT NULL DEFAULT 0,
    rows_updated   int         NOT NULL DEFAULT 0,
    rows_unchanged int         NOT NULL DEFAULT 0,
    rows_rejected  int         NOT NULL DEFAULT 0,
    message        text,
    created_by     text        NOT NULL,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz
);
CREATE INDEX portfolio_imports_creditor_idx ON portfolio_imports (creditor_id, started_at DESC);

-- Errors (the row was rejected) and warnings (a value was dropped) by file line.
CREATE TABLE portfolio_import_issues (
    import_id uuid    NOT NULL REFERENCES portfolio_imports (id),
    line      int     NOT NULL,
    severity  text    NOT NULL CHECK (severity IN ('ERROR', 'WARNING')),
    field     text,
    message   text    NOT NULL
);
CREATE INDEX portfolio_import_issues_import_idx ON portfolio_import_issues (import_id, severity, line);
