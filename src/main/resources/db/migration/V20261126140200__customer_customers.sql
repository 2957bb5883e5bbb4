CREATE TABLE customer_customers (
    id            uuid        NOT NULL PRIMARY KEY,
    creditor_id   uuid        NOT NULL,
    customer_ref  text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('PERSON', 'BUSINESS')),
    name          text        NOT NULL,
    language      text,
    date_of_birth date,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    UNIQUE (creditor_id, customer_ref)
);
CREATE INDEX customer_customers_name_idx ON customer_customers (lower(name) text_pattern_ops);

CREATE TABLE customer_phones (
    id               uuid        NOT NULL PRIMARY KEY,
    customer_id      uuid        NOT NULL REFERENCES customer_customers (id),
    e164             text        NOT NULL CHECK (e164 ~ '^\+[1-9][0-9]{6,14}$'),
    phone_type       text        NOT NULL,
    source           text        NOT NULL,
    time_zones       text[]      NOT NULL DEFAULT '{}',
    consent_autodial boolean     NOT NULL DEFAULT false,
    consent_sms      boolean     NOT NULL DEFAULT false,
    consent_whatsapp boolean     NOT NULL DEFAULT false,
    verified         boolean     NOT NULL DEFAULT false,
    wrong_number     boolean     NOT NULL DEFAULT false,
    position         int         NOT NULL,
    created_at       timestamptz NOT NULL,
    UNIQUE (customer_id, e164)
);
CREATE INDEX customer_phones_e164_idx ON customer_phones (e164);

CREATE TABLE customer_emails (
    id          uuid        NOT NULL PRIMARY KEY,
    customer_id uuid        NOT NULL REFERENCES customer_customers (id),
    address     text        NOT NULL,
    source      text        NOT NULL,
    verified    boolean     NOT NULL DEFAULT false,
    position    int         NOT NULL,
    created_at  timestamptz NOT NULL,
    UNIQUE (customer_id, address)
);

CREATE TABLE customer_addresses (
    id          uuid        NOT NULL PRIMARY KEY,
    customer_id uuid        NOT NULL REFERENCES customer_customers (id),
    line1       text,
    line2       text,
    city        text,
    state       text,
    postal_code text,
    country     char(2)     NOT NULL,
    source      text        NOT NULL,
    position    int         NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX customer_addresses_unique_idx ON customer_addresses
    (customer_id, coalesce(line1, ''), coalesce(line2, ''), coalesce(city, ''), coalesce(state, ''), coalesce(postal_code, ''), country);
