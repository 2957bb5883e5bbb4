package org.dues.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.dues.shared.InvalidInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily account snapshot: every account of a creditor as it stands when the snapshot
 * is taken (balance, overdue, days past due, bucket, status, owner, team, queue, product,
 * region, language), written by one set-based {@code INSERT … SELECT} over the faces
 * portfolio, work, identity and customer publish, into the month's partition of
 * {@code reporting_account_snapshots}, then added up into
 * {@code reporting_portfolio_daily}. A creditor's snapshot is due each day once its local
 * time passes {@code dues.reporting.snapshot-time} (23:45 by default) and is dated with
 * that local day; taking a day again replaces it. On the last day of a month the month's
 * bucket migrations are computed ({@link RollMoves}).
 */
@Service
public class AccountSnapshots {

	/** How many months ahead partitions are made. */
	static final int MONTHS_AHEAD = 2;

	private static final String SNAPSHOT = """
			INSERT INTO reporting_account_snapshots (day, account_id, creditor_id, currency, product, status, bucket,
			    bucket_rank, days_past_due, balance, overdue, agent, team_id, queue_id, region, language)
			SELECT CAST(:day AS date), a.id, a.creditor_id, a.currency, a.product, a.status, a.bucket, b.ordinal,
			       a.days_past_due, a.balance, a.overdue, o.agent, CAST(tm.team AS uuid), CAST(qm.queue AS uuid), r.region, l.language
			FROM portfolio_account_report_facts a
			JOIN portfolio_creditor_report_facts c ON c.id = a.creditor_id
			LEFT JOIN portfolio_bucket_band_facts b ON b.scheme = c.bucket_scheme AND b.label = a.bucket
			LEFT JOIN work_owner_facts o ON o.account_id = a.id
			LEFT JOIN (SELECT username, min(CAST(team_id AS text)) AS team FROM identity_team_member_facts
			           GROUP BY username) tm ON tm.username = o.agent
			LEFT JOIN (SELECT m.account_id, min(CAST(m.queue_id AS text)) AS queue FROM work_queue_member_facts m
			           GROUP BY m.account_id) qm ON qm.account_id = a.id
			LEFT JOIN (SELECT customer_id, min(region) AS region FROM customer_region_facts
			           GROUP BY customer_id) r ON r.customer_id = a.customer_id
			LEFT JOIN customer_routing_facts l ON l.customer_id = a.customer_id
			WHERE a.creditor_id = ANY(:creditors)""";

	/**
	 * An earlier day's snapshot reconstructed from the accounts as they stand now and the
	 * payments credited since: the balance then is today's plus what was paid (less what
	 * was reversed or refunded) after that day, the overdue likewise (at most the
	 * balance), the days past due today's less the days gone by since (not below zero),
	 * the bucket the creditor's scheme gives those days, and an account paid off or
	 * settled since was active then; owner, team, queue, region and language as now.
	 */
	private static final String RECONSTRUCTED = """
			INSERT INTO reporting_account_snapshots (day, account_id, creditor_id, currency, product, status, bucket,
			    bucket_rank, days_past_due, balance, overdue, agent, team_id, queue_id, region, language)
			SELECT CAST(:day AS date), a.id, a.creditor_id, a.currency, a.product,
			       CASE WHEN a.status IN ('PAID', 'SETTLED') AND x.paid > 0 THEN 'ACTIVE' ELSE a.status END,
			       coalesce(b.label, a.bucket), b.ordinal, x.dpd, a.balance + x.paid,
			       CASE WHEN x.dpd = 0 THEN 0 ELSE least(a.overdue + x.paid, a.balance + x.paid) END, o.agent, CAST(tm.team AS uuid), CAST(qm.queue AS uuid),
			       r.region, l.language
			FROM portfolio_account_report_facts a
			JOIN portfolio_creditor_report_facts c ON c.id = a.creditor_id
			CROSS JOIN LATERAL (
			    SELECT CASE WHEN a.days_past_due = 0 AND y.paid > 0 THEN 1
			                ELSE greatest(a.days_past_due - (CAST(CAST(:now AS timestamptz) AT TIME ZONE c.time_zone AS date)
			                                                 - CAST(:day AS date)), 0) END AS dpd, y.paid
			    FROM (SELECT coalesce((SELECT sum(p.amount) FROM reporting_payment_credits p
			                           WHERE p.account_id = a.id AND p.day > :day), 0) AS paid) y) x
			LEFT JOIN LATERAL (SELECT k.label, k.ordinal FROM portfolio_bucket_band_facts k
			                   WHERE k.scheme = c.bucket_scheme AND x.dpd >= k.min_dpd
			                     AND (k.max_dpd IS NULL OR x.dpd <= k.max_dpd)
			                   ORDER BY k.ordinal LIMIT 1) b ON true
			LEFT JOIN work_owner_facts o ON o.account_id = a.id
			LEFT JOIN (SELECT username, min(CAST(team_id AS text)) AS team FROM identity_team_member_facts
			           GROUP BY username) tm ON tm.username = o.agent
			LEFT JOIN (SELECT m.account_id, min(CAST(m.queue_id AS text)) AS queue FROM work_queue_member_facts m
			           GROUP BY m.account_id) qm ON qm.account_id = a.id
			LEFT JOIN (SELECT customer_id, min(region) AS region FROM customer_region_facts
			           GROUP BY customer_id) r ON r.customer_id = a.customer_id
			LEFT JOIN customer_routing_facts l ON l.customer_id = a.customer_id
			WHERE a.creditor_id = ANY(:creditors)""";

	private static final String DAILY = """
			INSERT INTO reporting_portfolio_daily (day, creditor_id, currency, product, status, bucket, bucket_rank,
			    agent, team_id, queue_id, region, language, accounts, delinquent, balance, overdue)
			SELECT day, creditor_id, currency, product, status, bucket, bucket_rank, agent, team_id, queue_id, region,
			       language, count(*), count(*) FILTER (WHERE days_past_due > 0), sum(balance), sum(overdue)
			FROM reporting_account_snapshots
			WHERE day = :day AND creditor_id = ANY(:creditors)
			GROUP BY day, creditor_id, currency, product, status, bucket, bucket_rank, agent, team_id, queue_id,
			         region, language""";

	/**
	 * The credits of the day after take the accounts' dimensions from this snapshot
	 * (those written before it was taken have none, those of a day taken again take the
	 * new ones).
	 */
	private static final String CREDITS = """
			UPDATE reporting_payment_credits p
			SET (bucket, queue_id, region, language) = (SELECT s.bucket, s.queue_id, s.region, s.language
			                                            FROM reporting_account_snapshots s
			                                            WHERE s.day = :day AND s.account_id = p.account_id)
			WHERE p.day = CAST(:day AS date) + 1 AND p.creditor_id = ANY(:creditors)""";

	private final JdbcClient jdbc;

	private final SnapshotPartitions partitions;

	private final RollMoves rolls;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Settings settings;

	AccountSnapshots(JdbcClient jdbc, SnapshotPartitions partitions, RollMoves rolls, TransactionTemplate transactions,
			Clock clock, @Value("${dues.reporting.snapshot-time:23:45}") String time,
			@Value("${dues.reporting.snapshot-retention:P25M}") String retention) {
		this.jdbc = jdbc;
		this.partitions = partitions;
		this.rolls = rolls;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = new Settings(LocalTime.parse(time), Period.parse(retention));
	}

	/**
	 * Takes the snapshot of the creditors named, dated {@code day}, replacing one taken
	 * before for that day; when {@code day} is the last of its month, computes that
	 * month's bucket migrations too. One transaction.
	 * @return the accounts written and the time taken
	 */
	public Taken take(LocalDate day, Collection<UUID> creditors) {
		return write(day, creditors, SNAPSHOT);
	}

	/**
	 * Writes the snapshot of an earlier day that was never taken (the demo's history, a
	 * first install's last month end), reconstructed from the accounts as they stand now
	 * and the payments credited since that day: balances and overdue amounts with those
	 * payments added back, days past due less the days gone by since, buckets by the
	 * creditor's scheme, accounts paid off or settled since active then. Replaces the day
	 * as {@link #take} does; on a month's last day its migrations are computed (the month
	 * before's end written first gives them).
	 * @return the accounts written and the time taken
	 */
	public Taken reconstruct(LocalDate day, Collection<UUID> creditors) {
		for (String zone : this.jdbc.sql("SELECT time_zone FROM portfolio_creditor_report_facts WHERE id = ANY(:c)")
			.param("c", creditors.toArray(UUID[]::new))
			.query(String.class)
			.list()) {
			if (!day.isBefore(LocalDate.now(this.clock.withZone(ZoneId.of(zone))))) {
				throw new InvalidInputException("day", "only a day gone by (in the creditor's zone) is reconstructed");
			}
		}
		return write(day, creditors, RECONSTRUCTED);
	}

	private Taken write(LocalDate day, Collection<UUID> creditors, String snapshot) {
		if (creditors.isEmpty()) {
			return new Taken(day, 0, Duration.ZERO);
		}
		long started = System.nanoTime();
		UUID[] ids = creditors.toArray(UUID[]::new);
		Long written = this.transactions.execute((status) -> {
			YearMonth month = YearMonth.from(day);
			this.partitions.ensure(month, month);
			Map<String, Object> p = Map.of("day", day, "creditors", ids, "now", Timestamp.from(this.clock.instant()));
			this.jdbc.sql("DELETE FROM reporting_account_snapshots WHERE day = :day AND creditor_id = ANY(:creditors)")
				.params(p)
				.update();
			this.jdbc.sql("DELETE FROM reporting_portfolio_daily WHERE day = :day AND creditor_id = ANY(:creditors)")
				.params(p)
				.update();
			long rows = this.jdbc.sql(snapshot).params(p).update();
			this.jdbc.sql(DAILY).params(p).update();
			this.jdbc.sql(CREDITS).params(p).update();
			long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
			for (UUID creditor : ids) {
				this.jdbc.sql("""
						INSERT INTO reporting_snapshot_runs (creditor_id, day, taken_at, accounts, millis)
						VALUES (:creditor, :day, :now, (SELECT count(*) FROM reporting_account_snapshots
						                                WHERE day = :day AND creditor_id = :creditor), :millis)
						ON CONFLICT (creditor_id, day) DO UPDATE
						SET taken_at = EXCLUDED.taken_at, accounts = EXCLUDED.accounts, millis = EXCLUDED.millis""")
					.param("creditor", creditor)
					.param("day", day)
					.param("now", Timestamp.from(this.clock.instant()))
					.param("millis", millis)
					.update();
			}
			if (day.equals(month.atEndOfMonth())) {
				this.rolls.compute(month, creditors);
			}
			return rows;
		});
		return new Taken(day, (written == null) ? 0 : written, Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Takes every snapshot that is due now: of each creditor whose local time has passed
	 * the snapshot time and whose snapshot of its local day has not been taken; creditors
	 * on the same local day are taken together. Then makes partitions ahead and drops
	 * those past the retention.
	 * @return the snapshots taken
	 */
	public List<Taken> takeDue() {
		Map<LocalDate, List<UUID>> due = new TreeMap<>();
		this.jdbc.sql("""
				SELECT c.id, c.time_zone FROM portfolio_creditor_report_facts c ORDER BY c.code""").query((rs) -> {
			UUID id = rs.getObject(1, UUID.class);
			ZonedDateTime local = this.clock.instant().atZone(ZoneId.of(rs.getString(2)));
			if (!local.toLocalTime().isBefore(this.settings.time())) {
				due.computeIfAbsent(local.toLocalDate(), (d) -> new ArrayList<>()).add(id);
			}
		});
		List<Taken> taken = new ArrayList<>();
		due.forEach((day, creditors) -> {
			List<UUID> missing = creditors.stream().filter((c) -> !taken(c, day)).toList();
			if (!missing.isEmpty()) {
				taken.add(take(day, missing));
			}
		});
		maintain();
		return taken;
	}

	/**
	 * Makes the partitions of this month and the next {@value #MONTHS_AHEAD}, and drops
	 * those (and the roll-ups and counters) whose days are all older than the retention.
	 * @return the months dropped
	 */
	public List<YearMonth> maintain() {
		LocalDate today = LocalDate.now(this.clock);
		YearMonth now = YearMonth.from(today);
		this.partitions.ensure(now, now.plusMonths(MONTHS_AHEAD));
		LocalDate keepFrom = today.minus(this.settings.retention());
		List<YearMonth> dropped = this.partitions.dropBefore(keepFrom);
		for (String table : List.of("reporting_portfolio_daily", "reporting_daily_counters", "reporting_blocked_daily",
				"reporting_snapshot_runs")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE day < :keep").param("keep", keepFrom).update();
		}
		this.jdbc.sql("DELETE FROM reporting_roll_moves WHERE month < :keep").param("keep", keepFrom).update();
		return dropped;
	}

	/** The months that have a snapshot partition, oldest first. */
	public List<YearMonth> months() {
		return this.partitions.months();
	}

	/**
	 * How many payments, reversals and refunds have been credited to reporting so far
	 * (they are credited after the payment commits): {@link #reconstruct} adds back those
	 * it has.
	 */
	public long credited() {
		return this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits").query(Long.class).single();
	}

	/** Whether the creditor's snapshot of the day is there (taken or reconstructed). */
	public boolean taken(UUID creditor, LocalDate day) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM reporting_snapshot_runs WHERE creditor_id = :c AND day = :d)")
			.param("c", creditor)
			.param("d", day)
			.query(Boolean.class)
			.single();
	}

	/** The snapshot time and retention configured. */
	public Settings settings() {
		return this.settings;
	}

	/**
	 * When a creditor's daily snapshot is taken (its local time) and how long snapshots
	 * are kept.
	 */
	public record Settings(LocalTime time, Period retention) {

		public Settings {
			if (retention.isNegative() || retention.isZero()) {
				throw new InvalidInputException("dues.reporting.snapshot-retention", "must be a positive period");
			}
		}

	}

	/** A snapshot taken: its day, the accounts written and how long it took. */
	public record Taken(LocalDate day, long accounts, Duration took) {
	}

}
