-- The application's database role may read and write rows but not create or drop tables;
-- the snapshot job still has to make next month's partition of reporting_account_snapshots
-- and drop those past the retention. These two functions do exactly that and nothing else,
-- running as the role that owns the tables (SECURITY DEFINER) with the search path fixed at
-- creation, and taking only a date: the partition's name and bounds are computed from it.

-- Makes the partition of the month holding the day given; false when it exists already.
CREATE FUNCTION reporting_snapshot_partition_make(day date) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    first date := CAST(date_trunc('month', day) AS date);
    part text := 'reporting_account_snapshots_p' || to_char(first, 'YYYYMM');
BEGIN
    IF to_regclass(part) IS NOT NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF reporting_account_snapshots FOR VALUES FROM (%L) TO (%L)',
                   part, first, CAST(first + interval '1 month' AS date));
    RETURN true;
END $$;

-- Drops the partition of the month holding the day given; false when there is none.
CREATE FUNCTION reporting_snapshot_partition_drop(day date) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    part text := 'reporting_account_snapshots_p' || to_char(day, 'YYYYMM');
BEGIN
    IF to_regclass(part) IS NULL THEN
        RETURN false;
    END IF;
    EXECUTE format('DROP TABLE %I', part);
    RETURN true;
END $$;
