package org.dues.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A month's bucket migrations for a creditor: each account active in the last snapshot of
 * the previous month, joined to itself in the last snapshot of the month, added up by
 * where it stood and where it went ({@code reporting_roll_moves}). Computed again from
 * the snapshots whenever asked, so a month end taken again gives the same figures.
 */
@Component
class RollMoves {

	private static final String MOVES = """
			INSERT INTO reporting_roll_moves (month, creditor_id, currency, product, region, language, agent, team_id,
			    queue_id, from_bucket, from_rank, to_bucket, to_rank, to_status, accounts, balance)
			SELECT CAST(:month AS date), f.creditor_id, f.currency, f.product, f.region, f.language, f.agent, f.team_id,
			       f.queue_id, f.bucket, f.bucket_rank, t.bucket, t.bucket_rank, coalesce(t.status, 'GONE'), count(*),
			       sum(f.balance)
			FROM reporting_account_snapshots f
			LEFT JOIN reporting_account_snapshots t ON t.day = :to AND t.account_id = f.account_id
			WHERE f.day = :from AND f.creditor_id = :creditor AND f.status = 'ACTIVE'
			GROUP BY f.creditor_id, f.currency, f.product, f.region, f.language, f.agent, f.team_id, f.queue_id,
			         f.bucket, f.bucket_rank, t.bucket, t.bucket_rank, t.status""";

	private final JdbcClient jdbc;

	private final Clock clock;

	RollMoves(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Computes the month's migrations of each creditor that has a snapshot in the month
	 * and in the month before, replacing those computed before; in the caller's
	 * transaction.
	 */
	void compute(YearMonth month, Collection<UUID> creditors) {
		for (UUID creditor : creditors) {
			Optional<LocalDate> to = lastDay(creditor, month);
			Optional<LocalDate> from = lastDay(creditor, month.minusMonths(1));
			this.jdbc.sql("DELETE FROM reporting_roll_moves WHERE month = :m AND creditor_id = :c")
				.param("m", month.atDay(1))
				.param("c", creditor)
				.update();
			this.jdbc.sql("DELETE FROM reporting_roll_runs WHERE month = :m AND creditor_id = :c")
				.param("m", month.atDay(1))
				.param("c", creditor)
				.update();
			if (to.isEmpty() || from.isEmpty()) {
				continue;
			}
			this.jdbc.sql(MOVES)
				.param("month", month.atDay(1))
				.param("from", from.get())
				.param("to", to.get())
				.param("creditor", creditor)
				.update();
			this.jdbc.sql("""
					INSERT INTO reporting_roll_runs (month, creditor_id, from_day, to_day, computed_at)
					VALUES (:m, :c, :from, :to, :now)""")
				.param("m", month.atDay(1))
				.param("c", creditor)
				.param("from", from.get())
				.param("to", to.get())
				.param("now", Timestamp.from(this.clock.instant()))
				.update();
		}
	}

	/** The creditors that have a snapshot in the month. */
	java.util.List<UUID> creditorsIn(YearMonth month) {
		return this.jdbc.sql("""
				SELECT DISTINCT creditor_id FROM reporting_snapshot_runs WHERE day BETWEEN :first AND :last""")
			.param("first", month.atDay(1))
			.param("last", month.atEndOfMonth())
			.query(UUID.class)
			.list();
	}

	private Optional<LocalDate> lastDay(UUID creditor, YearMonth month) {
		return this.jdbc.sql("""
				SELECT max(day) FROM reporting_snapshot_runs
				WHERE creditor_id = :c AND day BETWEEN :first AND :last""")
			.param("c", creditor)
			.param("first", month.atDay(1))
			.param("last", month.atEndOfMonth())
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class)))
			.single();
	}

}
