-- Customers of a bulk load, merged set-based by CustomerBulk; after the merge each row
-- carries the customer's id, which the loading module reads back. Emptied after the load.
CREATE UNLOGGED TABLE customer_import_staging (
    batch_id      uuid    NOT NULL,
    line          int     NOT NULL,
    customer_ref  text    NOT NULL,
    name          text    NOT NULL,
    language      text,
    date_of_birth date,
    phones        text[]  NOT NULL DEFAULT '{}',
    phone_types   text[]  NOT NULL DEFAULT '{}',
    phone_zones   text[]  NOT NULL DEFAULT '{}',
    email         text,
    line1         text,
    line2         text,
    city          text,
    state         text,
    postal_code   text,
    country       char(2),
    customer_id   uuid,
    changed       boolean NOT NULL DEFAULT false
);
CREATE INDEX customer_import_staging_idx ON customer_import_staging (batch_id, customer_ref, line);
