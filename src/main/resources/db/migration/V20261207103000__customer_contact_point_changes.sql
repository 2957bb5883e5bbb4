-- What agents change of a customer's contact points, and who is related to whose debts.

-- Each contact point's status: VALID; WRONG (someone else's number or address, or one that
-- does not exist); DO_NOT_USE (the customer's, but not to be used: a workplace, a number
-- the customer asked us not to call); an address also CORRECTED, replaced by the corrected
-- one and kept, so that the next allocation file bringing the old address back does not
-- add it again. A phone's wrong_number mark stays (the gate, routing and next account
-- read it) and always equals status = 'WRONG'.
ALTER TABLE customer_phones ADD COLUMN status text NOT NULL DEFAULT 'VALID'
    CHECK (status IN ('VALID', 'WRONG', 'DO_NOT_USE'));
UPDATE customer_phones SET status = 'WRONG' WHERE wrong_number;
ALTER TABLE customer_phones ADD CONSTRAINT customer_phones_wrong_number_is_status
    CHECK (wrong_number = (status = 'WRONG'));
ALTER TABLE customer_emails ADD COLUMN status text NOT NULL DEFAULT 'VALID'
    CHECK (status IN ('VALID', 'WRONG', 'DO_NOT_USE'));
ALTER TABLE customer_addresses ADD COLUMN status text NOT NULL DEFAULT 'VALID'
    CHECK (status IN ('VALID', 'WRONG', 'DO_NOT_USE', 'CORRECTED'));

-- Every change of a contact point made by a person (added by an agent, status changed,
-- address corrected), with who and when: insert-only. Contact points that came with an
-- account (an allocation file, the placement API) carry their source and time on their
-- own row; this table starts where people change them. The same changes go into the
-- compliance audit trail (ContactPointChanged, recorded by compliance).
CREATE TABLE customer_contact_point_history (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id   uuid        NOT NULL REFERENCES customer_customers (id),
    point_id      uuid        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('PHONE', 'EMAIL', 'ADDRESS')),
    change        text        NOT NULL CHECK (change IN ('ADDED', 'STATUS', 'CORRECTED')),
    value         text        NOT NULL,
    status_before text,
    status_after  text        NOT NULL,
    replaced_by   uuid,
    source        text,
    reason        text,
    changed_by    text        NOT NULL,
    changed_at    timestamptz NOT NULL
);
CREATE INDEX customer_contact_point_history_customer_idx ON customer_contact_point_history (customer_id, id);
CREATE OR REPLACE FUNCTION customer_contact_point_history_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'customer_contact_point_history is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER customer_contact_point_history_no_change BEFORE UPDATE OR DELETE ON customer_contact_point_history
    FOR EACH ROW EXECUTE FUNCTION customer_contact_point_history_append_only();

-- Related parties of a debt besides its borrower (the account's own customer): co-borrowers,
-- guarantors and references, each a customer of the account's creditor.
CREATE TABLE customer_debt_parties (
    account_id   uuid        NOT NULL REFERENCES portfolio_accounts (id),
    customer_id  uuid        NOT NULL REFERENCES customer_customers (id),
    role         text        NOT NULL CHECK (role IN ('CO_BORROWER', 'GUARANTOR', 'REFERENCE')),
    relationship text,
    source       text        NOT NULL,
    added_by     text        NOT NULL,
    added_at     timestamptz NOT NULL,
    PRIMARY KEY (account_id, customer_id)
);
CREATE INDEX customer_debt_parties_customer_idx ON customer_debt_parties (customer_id);

-- One person known to several creditors is found by the national id each gave (the same id
-- encrypts to the same bytes); only customers with one are indexed.
CREATE INDEX customer_customers_national_id_idx ON customer_customers (national_id_enc)
    WHERE national_id_enc IS NOT NULL;

-- Routing by region follows the addresses a customer has now: one marked wrong, or replaced
-- by its correction, no longer places them.
CREATE OR REPLACE VIEW customer_region_facts AS
SELECT customer_id, upper(state) AS region
FROM customer_addresses
WHERE status IN ('VALID', 'DO_NOT_USE');

-- Customer's published face of related parties: who is on which debt in which role
-- besides its borrower (portfolio's scope of a customer reads it).
CREATE VIEW customer_party_facts AS
SELECT account_id, customer_id, role
FROM customer_debt_parties;
