package org.dues.portfolio;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.dues.portfolio.imports.ImportedAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Days past due and buckets, recomputed in one set-based statement: days past due count
 * from the oldest unpaid due date to today in the creditor's time zone (zero when nothing
 * is overdue); the bucket is the creditor's scheme's band for that count. Every change of
 * bucket is recorded as a move.
 */
@Component
public class Aging implements ImportedAccounts {

	// Candidates are found without locks; then each is locked and recomputed from its
	// current row (FOR UPDATE re-reads a row a concurrent payment changed), so the job
	// never writes a stale figure over a payment that committed while it ran.
	private static final String SQL = """
			WITH candidates AS (
			    SELECT a.id
			    FROM portfolio_accounts a JOIN portfolio_creditors c ON c.id = a.creditor_id
			    CROSS JOIN LATERAL (SELECT %1$s AS dpd) d
			    LEFT JOIN portfolio_bucket_bands b ON b.scheme = c.bucket_scheme
			     AND d.dpd >= b.min_dpd AND (b.max_dpd IS NULL OR d.dpd <= b.max_dpd)
			    WHERE %2$s AND (a.days_past_due <> d.dpd OR a.bucket IS DISTINCT FROM b.label)
			), locked AS (
			    SELECT a.id, a.bucket AS old_bucket, c.bucket_scheme, %1$s AS dpd,
			           (CAST(:now AS timestamptz) AT TIME ZONE c.time_zone)::date AS today
			    FROM portfolio_accounts a JOIN portfolio_creditors c ON c.id = a.creditor_id
			    WHERE a.id IN (SELECT id FROM candidates)
			    ORDER BY a.id
			    FOR UPDATE OF a
			), banded AS (
			    SELECT locked.*, b.label AS new_bucket
			    FROM locked JOIN portfolio_bucket_bands b ON b.scheme = locked.bucket_scheme
			     AND locked.dpd >= b.min_dpd AND (b.max_dpd IS NULL OR locked.dpd <= b.max_dpd)
			), updated AS (
			    UPDATE portfolio_accounts a SET days_past_due = banded.dpd, bucket = banded.new_bucket
			    FROM banded
			    WHERE a.id = banded.id AND (a.days_past_due <> banded.dpd OR a.bucket IS DISTINCT FROM banded.new_bucket)
			    RETURNING a.id, banded.old_bucket, banded.new_bucket, banded.dpd, banded.today
			)
			INSERT INTO portfolio_bucket_moves (account_id, from_bucket, to_bucket, days_past_due, moved_on, recorded_at)
			SELECT id, old_bucket, new_bucket, dpd, today, CAST(:now AS timestamptz) FROM updated
			WHERE old_bucket IS DISTINCT FROM new_bucket""";

	/** Days past due of account {@code a} of creditor {@code c} at {@code :now}. */
	private static final String DAYS_PAST_DUE = daysPastDue("a.overdue_amount", "a.oldest_due_date");

	/**
	 * The days past due at {@code :now} in the time zone of creditor {@code c} of an
	 * account owing {@code overdue} since {@code oldestDue} (SQL expressions): zero when
	 * nothing is overdue.
	 */
	static String daysPastDue(String overdue, String oldestDue) {
		return """
				CASE WHEN %1$s > 0 AND %2$s IS NOT NULL
				     THEN greatest((CAST(:now AS timestamptz) AT TIME ZONE c.time_zone)::date - %2$s, 0)
				     ELSE 0 END""".formatted(overdue, oldestDue);
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Aging(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Ages every account at the clock's time, in the caller's transaction (the hourly
	 * job's pass).
	 * @return the number of accounts that moved bucket
	 */
	public int ageAll() {
		return this.jdbc.sql(SQL.formatted(DAYS_PAST_DUE, "true")).param("now", now()).update();
	}

	@Override
	public void age(String accountIds) {
		this.jdbc.sql(SQL.formatted(DAYS_PAST_DUE, "a.id IN (" + accountIds + ")")).param("now", now()).update();
	}

	/**
	 * Ages every account of a creditor, in the caller's transaction: after its time zone
	 * or bucket scheme changed.
	 * @return the accounts whose days past due or bucket changed
	 */
	int age(CreditorId creditor) {
		return this.jdbc.sql(SQL.formatted(DAYS_PAST_DUE, "a.creditor_id = :creditor"))
			.param("now", now())
			.param("creditor", creditor.value())
			.update();
	}

	/** Ages one account, in the caller's transaction. */
	void age(AccountId account) {
		this.jdbc.sql(SQL.formatted(DAYS_PAST_DUE, "a.id = :id"))
			.param("now", now())
			.param("id", account.value())
			.update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
