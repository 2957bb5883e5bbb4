-- Receipts. Every posted payment gets a receipt number from a gapless series per creditor
-- and financial year: a counter row per (creditor, year), raised by the posting's own
-- transaction (INSERT … ON CONFLICT DO UPDATE … RETURNING locks the row until commit), so
-- a posting that rolls back takes no number and two postings never share one. Not a
-- PostgreSQL sequence: a sequence leaves gaps.

-- How a creditor numbers its receipts: the prefix (default the creditor's code) and the
-- day its financial year starts (default by country: IN and GB 1 April, else 1 January).
CREATE TABLE payment_receipt_settings (
    creditor_id    uuid    NOT NULL PRIMARY KEY,
    prefix         text    NOT NULL CHECK (prefix ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,19}$'),
    fy_start_month integer NOT NULL CHECK (fy_start_month BETWEEN 1 AND 12),
    fy_start_day   integer NOT NULL CHECK (fy_start_day BETWEEN 1 AND 28),
    updated_at     timestamptz NOT NULL,
    updated_by     text    NOT NULL
);

CREATE TABLE payment_receipt_counters (
    creditor_id    uuid    NOT NULL,
    financial_year text    NOT NULL,
    last_number    bigint  NOT NULL CHECK (last_number > 0),
    PRIMARY KEY (creditor_id, financial_year)
);

-- Receipt books for cash and cheques collected in the field: a numbered series of leaves
-- issued to an agent. A leaf is used by one payment, or cancelled with its reason; it is
-- never used again.
CREATE TABLE payment_receipt_books (
    id           uuid    NOT NULL PRIMARY KEY,
    series       text    NOT NULL CHECK (series ~ '^[A-Z0-9][A-Z0-9-]{0,19}$'),
    first_number integer NOT NULL CHECK (first_number > 0),
    last_number  integer NOT NULL,
    agent        text    NOT NULL,
    issued_at    timestamptz NOT NULL,
    issued_by    text    NOT NULL,
    CHECK (last_number >= first_number AND last_number - first_number < 1000)
);
CREATE INDEX payment_receipt_books_series_idx ON payment_receipt_books (series, first_number);
CREATE INDEX payment_receipt_books_agent_idx ON payment_receipt_books (agent, issued_at);

CREATE TABLE payment_receipt_leaves (
    series     text    NOT NULL,
    number     integer NOT NULL,
    book_id    uuid    NOT NULL REFERENCES payment_receipt_books (id),
    status     text    NOT NULL CHECK (status IN ('USED', 'CANCELLED')),
    payment_id uuid    UNIQUE REFERENCES payment_payments (id),
    reason     text,
    at         timestamptz NOT NULL,
    by         text    NOT NULL,
    PRIMARY KEY (series, number),
    CHECK ((status = 'USED') = (payment_id IS NOT NULL)),
    CHECK (status = 'USED' OR reason IS NOT NULL)
);
CREATE INDEX payment_receipt_leaves_book_idx ON payment_receipt_leaves (book_id);

-- A payment's receipt: the system's number (always) and the book leaf it was written on
-- (cash and cheques from the field), the one the customer holds.
CREATE TABLE payment_receipts (
    payment_id     uuid    NOT NULL PRIMARY KEY REFERENCES payment_payments (id),
    creditor_id    uuid    NOT NULL,
    financial_year text    NOT NULL,
    sequence       bigint  NOT NULL,
    system_number  text    NOT NULL,
    book_number    text,
    issued_at      timestamptz NOT NULL,
    issued_on      date    NOT NULL,
    UNIQUE (creditor_id, financial_year, sequence),
    UNIQUE (creditor_id, system_number)
);
