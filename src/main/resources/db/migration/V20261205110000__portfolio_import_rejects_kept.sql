-- An import's rejects.csv, kept apart from the uploaded file so that it outlives it: the rows
-- as they came, national ids masked, each with its reason; line 1 is the file's header and
-- "reason". The uploaded file itself is deleted after a retention period, and at once when the
-- import failed.
CREATE TABLE portfolio_import_rejects (
    import_id uuid   NOT NULL REFERENCES portfolio_imports (id),
    line      int    NOT NULL,
    cells     text[] NOT NULL,
    PRIMARY KEY (import_id, line)
);

-- When the uploaded file was deleted.
ALTER TABLE portfolio_imports ADD COLUMN file_deleted_at timestamptz;
