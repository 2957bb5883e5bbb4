-- How far a long job (an import, later a bulk send, a statement, an export) has come, kept in
-- the database so that every node's pages read it. The job writes it in batches (at most one
-- small UPDATE a second, and at each change of phase), from a transaction of its own, never
-- row by row. The job's own record (an import's status) stays the truth about its outcome;
-- this is what a progress bar reads while it runs.
CREATE TABLE system_job_progress (
    id          uuid        NOT NULL PRIMARY KEY,
    kind        text        NOT NULL,
    phase       text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    done        bigint      NOT NULL DEFAULT 0 CHECK (done >= 0),
    total       bigint      CHECK (total >= 0),
    counts      jsonb       NOT NULL DEFAULT '{}',
    updates     integer     NOT NULL DEFAULT 0,
    started_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    finished_at timestamptz
);
CREATE INDEX system_job_progress_running_idx ON system_job_progress (kind, started_at) WHERE status = 'RUNNING';
