-- Each payment credit keeps, from the moment it is written, what the reports group and
-- filter it by: the day it counts on (a payment the day it was received, a reversal or
-- refund the creditor's local day it was made), the account's product and placement day
-- (for the days to pay), and the account's bucket, queue, region and language from its
-- snapshot of the day before (null while that snapshot is not taken; taking it stamps
-- the credits of the day after, AccountSnapshots). A period's collections then read the
-- credits of the period alone, with no look-up per payment into the snapshots or the
-- accounts.
ALTER TABLE reporting_payment_credits
    ADD COLUMN day       date,
    ADD COLUMN product   text,
    ADD COLUMN placed_on date,
    ADD COLUMN bucket    text,
    ADD COLUMN queue_id  uuid,
    ADD COLUMN region    text,
    ADD COLUMN language  text;

CREATE FUNCTION reporting_payment_credit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    zone text;
BEGIN
    SELECT c.time_zone INTO zone FROM portfolio_creditor_report_facts c WHERE c.id = NEW.creditor_id;
    IF zone IS NULL THEN
        RETURN NEW;
    END IF;
    NEW.day := CASE WHEN NEW.kind = 'PAYMENT' THEN NEW.received_on ELSE CAST(NEW.at AT TIME ZONE zone AS date) END;
    SELECT a.product, CAST(a.placed_at AT TIME ZONE zone AS date) INTO NEW.product, NEW.placed_on
    FROM portfolio_account_report_facts a WHERE a.id = NEW.account_id;
    SELECT s.bucket, s.queue_id, s.region, s.language INTO NEW.bucket, NEW.queue_id, NEW.region, NEW.language
    FROM reporting_account_snapshots s WHERE s.day = NEW.day - 1 AND s.account_id = NEW.account_id;
    RETURN NEW;
END $$;

CREATE TRIGGER reporting_payment_credit_stamp BEFORE INSERT ON reporting_payment_credits
    FOR EACH ROW EXECUTE FUNCTION reporting_payment_credit_stamp();

UPDATE reporting_payment_credits p
SET day = CASE WHEN p.kind = 'PAYMENT' THEN p.received_on ELSE CAST(p.at AT TIME ZONE c.time_zone AS date) END
FROM portfolio_creditor_report_facts c WHERE c.id = p.creditor_id;
UPDATE reporting_payment_credits p
SET product = a.product, placed_on = CAST(a.placed_at AT TIME ZONE c.time_zone AS date)
FROM portfolio_account_report_facts a, portfolio_creditor_report_facts c
WHERE a.id = p.account_id AND c.id = p.creditor_id;
UPDATE reporting_payment_credits p
SET bucket = s.bucket, queue_id = s.queue_id, region = s.region, language = s.language
FROM reporting_account_snapshots s WHERE s.day = p.day - 1 AND s.account_id = p.account_id;

CREATE INDEX reporting_payment_credits_day_idx ON reporting_payment_credits (day, creditor_id);
