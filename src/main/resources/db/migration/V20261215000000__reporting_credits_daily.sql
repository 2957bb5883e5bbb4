-- The payment credits added up by the day each counts on and by everything a report
-- groups or filters collections by (creditor, agent, currency, and the product, bucket,
-- queue, region and language the credit was stamped with): payments and their amount,
-- reversals and their amount (positive), and of the payments whose account has a
-- placement day, how many and their days from placement (at least 0). A period's
-- collections and average days to pay read these few rows instead of every credit.
--
-- Kept exact by statement triggers on reporting_payment_credits, in the transaction that
-- writes the credits: every insert adds its rows, every update (taking a snapshot stamps
-- the credits of the day after with its dimensions again) moves them from their old
-- group to their new one, every delete takes them away. A credit delivered twice is
-- inserted once (ON CONFLICT DO NOTHING), and a statement's transition table holds only
-- the rows it really inserted, so it is counted once; a late credit for a past day (a
-- back-dated payment) is added to its own day. Groups are upserted in key order, so two
-- writers take their row locks in the same order.
CREATE TABLE reporting_credits_daily_dims (
    day          date    NOT NULL,
    creditor_id  uuid    NOT NULL,
    currency     char(3) NOT NULL,
    agent        text,
    product      text,
    bucket       text,
    queue_id     uuid,
    region       text,
    language     text,
    payments     bigint  NOT NULL,
    paid         numeric NOT NULL,
    reversals    bigint  NOT NULL,
    reversed     numeric NOT NULL,
    timed        bigint  NOT NULL,
    days_to_pay  bigint  NOT NULL,
    CONSTRAINT reporting_credits_daily_dims_key
        UNIQUE NULLS NOT DISTINCT (day, creditor_id, currency, agent, product, bucket, queue_id, region, language)
);

-- The same sums by day, creditor, currency and agent alone: what a period's totals, and a
-- report by day, week, month, agent, team or creditor with no filter on the account's
-- dimensions, read (about one row per agent and day, where the full sums keep one per
-- combination of the account's dimensions too).
CREATE TABLE reporting_credits_daily (
    day          date    NOT NULL,
    creditor_id  uuid    NOT NULL,
    currency     char(3) NOT NULL,
    agent        text,
    payments     bigint  NOT NULL,
    paid         numeric NOT NULL,
    reversals    bigint  NOT NULL,
    reversed     numeric NOT NULL,
    timed        bigint  NOT NULL,
    days_to_pay  bigint  NOT NULL,
    CONSTRAINT reporting_credits_daily_key UNIQUE NULLS NOT DISTINCT (day, creditor_id, currency, agent)
);

-- One credit as its share of its group, added (sign 1) or taken away (sign -1); null for
-- a credit that counts in no group (a refund, or a credit of a creditor unknown).
CREATE FUNCTION reporting_credits_daily_share(sign integer, c reporting_payment_credits)
RETURNS reporting_credits_daily_dims LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN c.day IS NOT NULL AND c.kind IN ('PAYMENT', 'REVERSAL') THEN
        ROW(c.day, c.creditor_id, c.currency, c.agent, c.product, c.bucket, c.queue_id, c.region, c.language,
            sign * (c.kind = 'PAYMENT')::int, sign * CASE WHEN c.kind = 'PAYMENT' THEN c.amount ELSE 0 END,
            sign * (c.kind = 'REVERSAL')::int, sign * CASE WHEN c.kind = 'REVERSAL' THEN -c.amount ELSE 0 END,
            sign * (c.kind = 'PAYMENT' AND c.placed_on IS NOT NULL)::int,
            sign * CASE WHEN c.kind = 'PAYMENT' AND c.placed_on IS NOT NULL
                        THEN greatest(c.received_on - c.placed_on, 0) ELSE 0 END)::reporting_credits_daily_dims
    END
$$;

-- Adds the shares to their groups in both tables, in key order (the full sums first, then
-- the agents' sums: every writer locks in the same order); a group left with nothing is
-- removed.
CREATE FUNCTION reporting_credits_daily_apply(shares reporting_credits_daily_dims[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO reporting_credits_daily_dims AS t
    SELECT day, creditor_id, currency, agent, product, bucket, queue_id, region, language, sum(payments), sum(paid),
           sum(reversals), sum(reversed), sum(timed), sum(days_to_pay)
    FROM unnest(shares) s WHERE s.day IS NOT NULL
    GROUP BY day, creditor_id, currency, agent, product, bucket, queue_id, region, language
    HAVING sum(payments) <> 0 OR sum(paid) <> 0 OR sum(reversals) <> 0 OR sum(reversed) <> 0 OR sum(timed) <> 0
        OR sum(days_to_pay) <> 0
    ORDER BY day, creditor_id, currency, agent, product, bucket, queue_id, region, language
    ON CONFLICT ON CONSTRAINT reporting_credits_daily_dims_key DO UPDATE
    SET payments = t.payments + EXCLUDED.payments, paid = t.paid + EXCLUDED.paid,
        reversals = t.reversals + EXCLUDED.reversals, reversed = t.reversed + EXCLUDED.reversed,
        timed = t.timed + EXCLUDED.timed, days_to_pay = t.days_to_pay + EXCLUDED.days_to_pay;
    INSERT INTO reporting_credits_daily AS t
    SELECT day, creditor_id, currency, agent, sum(payments), sum(paid), sum(reversals), sum(reversed), sum(timed),
           sum(days_to_pay)
    FROM unnest(shares) s WHERE s.day IS NOT NULL
    GROUP BY day, creditor_id, currency, agent
    HAVING sum(payments) <> 0 OR sum(paid) <> 0 OR sum(reversals) <> 0 OR sum(reversed) <> 0 OR sum(timed) <> 0
        OR sum(days_to_pay) <> 0
    ORDER BY day, creditor_id, currency, agent
    ON CONFLICT ON CONSTRAINT reporting_credits_daily_key DO UPDATE
    SET payments = t.payments + EXCLUDED.payments, paid = t.paid + EXCLUDED.paid,
        reversals = t.reversals + EXCLUDED.reversals, reversed = t.reversed + EXCLUDED.reversed,
        timed = t.timed + EXCLUDED.timed, days_to_pay = t.days_to_pay + EXCLUDED.days_to_pay;
    DELETE FROM reporting_credits_daily_dims
    WHERE payments = 0 AND reversals = 0 AND day IN (SELECT s.day FROM unnest(shares) s WHERE s.payments < 0 OR s.reversals < 0);
    DELETE FROM reporting_credits_daily
    WHERE payments = 0 AND reversals = 0 AND day IN (SELECT s.day FROM unnest(shares) s WHERE s.payments < 0 OR s.reversals < 0);
$$;

CREATE FUNCTION reporting_credits_daily_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM reporting_credits_daily_apply(ARRAY(SELECT reporting_credits_daily_share(1, n) FROM added n));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM reporting_credits_daily_apply(ARRAY(SELECT reporting_credits_daily_share(-1, o) FROM removed o));
    ELSE
        PERFORM reporting_credits_daily_apply(ARRAY(SELECT reporting_credits_daily_share(1, n) FROM added n
                                                    UNION ALL
                                                    SELECT reporting_credits_daily_share(-1, o) FROM removed o));
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER reporting_credits_daily_insert AFTER INSERT ON reporting_payment_credits
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION reporting_credits_daily_keep();
CREATE TRIGGER reporting_credits_daily_update AFTER UPDATE ON reporting_payment_credits
    REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION reporting_credits_daily_keep();
CREATE TRIGGER reporting_credits_daily_delete AFTER DELETE ON reporting_payment_credits
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION reporting_credits_daily_keep();

-- The credits written before: summed set-based (not through one array of every credit).
INSERT INTO reporting_credits_daily_dims
SELECT s.day, s.creditor_id, s.currency, s.agent, s.product, s.bucket, s.queue_id, s.region, s.language,
       sum(s.payments), sum(s.paid), sum(s.reversals), sum(s.reversed), sum(s.timed), sum(s.days_to_pay)
FROM reporting_payment_credits c CROSS JOIN LATERAL reporting_credits_daily_share(1, c) s
WHERE s.day IS NOT NULL
GROUP BY s.day, s.creditor_id, s.currency, s.agent, s.product, s.bucket, s.queue_id, s.region, s.language;
INSERT INTO reporting_credits_daily
SELECT day, creditor_id, currency, agent, sum(payments), sum(paid), sum(reversals), sum(reversed), sum(timed),
       sum(days_to_pay)
FROM reporting_credits_daily_dims GROUP BY day, creditor_id, currency, agent;
