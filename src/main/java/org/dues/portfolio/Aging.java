package org.dues.portfolio;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Days past due and buckets, recomputed in one set-based statement: days past due count
 * from the oldest unpaid due date to today in the creditor's time zone (zero when nothing
 * is overdue); the bucket is the creditor's scheme's band for that count. Every change of
 * bucket is recorded as a move.
 */
@Component
class Aging {

	private static final String SQL = """
			WITH computed AS (
			    SELECT a.id, a.bucket AS old_bucket, c.bucket_scheme,
			           (CAST(:now AS timestamptz) AT TIME ZONE c.time_zone)::date AS today,
			           CASE WHEN a.overdue_amount > 0 AND a.oldest_due_date IS NOT NULL
			                THEN greatest((CAST(:now AS timestamptz) AT TIME ZONE c.time_zone)::date - a.oldest_due_date, 0)
			                ELSE 0 END AS dpd
			    FROM portfolio_accounts a JOIN portfolio_creditors c ON c.id = a.creditor_id
			    WHERE %s
			), banded AS (
			    SELECT computed.*, b.label AS new_bucket
			    FROM computed JOIN portfolio_bucket_bands b ON b.scheme = computed.bucket_scheme
			     AND computed.dpd >= b.min_dpd AND (b.max_dpd IS NULL OR computed.dpd <= b.max_dpd)
			), updated AS (
			    UPDATE portfolio_accounts a SET days_past_due = banded.dpd, bucket = banded.new_bucket
			    FROM banded
			    WHERE a.id = banded.id AND (a.days_past_due <> banded.dpd OR a.bucket IS DISTINCT FROM banded.new_bucket)
			    RETURNING a.id, banded.old_bucket, banded.new_bucket, banded.dpd, banded.today
			)
			INSERT INTO portfolio_bucket_moves (account_id, from_bucket, to_bucket, days_past_due, moved_on, recorded_at)
			SELECT id, old_bucket, new_bucket, dpd, today, CAST(:now AS timestamptz) FROM updated
			WHERE old_bucket IS DISTINCT FROM new_bucket""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Aging(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Ages every account.
	 * @return the number of accounts that moved bucket
	 */
	int ageAll() {
		return this.jdbc.sql(SQL.formatted("true")).param("now", now()).update();
	}

	/** Ages one account, in the caller's transaction. */
	void age(AccountId account) {
		this.jdbc.sql(SQL.formatted("a.id = :id")).param("now", now()).param("id", account.value()).update();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(this.clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

}
