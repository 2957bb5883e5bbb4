-- Letters: each one as printed (its PDF), whose it is, and the daily print batch that
-- took it to the print-and-post vendor.
CREATE TABLE messaging_print_batches (
    id          uuid        NOT NULL PRIMARY KEY,
    batch_date  date        NOT NULL,
    letters     integer     NOT NULL CHECK (letters >= 0),
    pages       integer     NOT NULL CHECK (pages >= 0),
    pdf_file    text        NOT NULL,
    manifest    text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX messaging_print_batches_date_idx ON messaging_print_batches (batch_date DESC);

CREATE TABLE messaging_letters (
    id              uuid        NOT NULL PRIMARY KEY,
    account_id      uuid        NOT NULL,
    customer_id     uuid        NOT NULL,
    template        text        NOT NULL CHECK (template ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    language        text        NOT NULL CHECK (language ~ '^[a-z]{2}$'),
    letter_date     date        NOT NULL,
    recipient_name  text        NOT NULL,
    address_lines   text[]      NOT NULL,
    pdf             bytea       NOT NULL,
    pages           integer     NOT NULL CHECK (pages >= 1),
    -- the facts a notice states, as JSON (the validation notice's itemization and dates)
    facts           jsonb,
    status          text        NOT NULL CHECK (status IN ('READY', 'BATCHED', 'HELD')),
    message_id      uuid,
    print_batch_id  uuid        REFERENCES messaging_print_batches (id),
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL
);
CREATE INDEX messaging_letters_account_idx ON messaging_letters (account_id, created_at DESC);
CREATE INDEX messaging_letters_ready_idx ON messaging_letters (created_at) WHERE status = 'READY';
CREATE INDEX messaging_letters_batch_idx ON messaging_letters (print_batch_id) WHERE print_batch_id IS NOT NULL;
-- one validation notice an account
CREATE UNIQUE INDEX messaging_letters_validation_notice_idx ON messaging_letters (account_id)
    WHERE template = 'validation-notice';
