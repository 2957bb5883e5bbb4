package org.dues.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.dues.MutableClock;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.reporting.AccountSnapshots;
import org.dues.reporting.DailyCounters;
import org.dues.reporting.Measures;
import org.dues.reporting.ReportFilter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reporting at scale: 1,000,000 accounts of an Indian lender imported through the
 * application and dealt to 200 agents (140 owning 5,000 each, the rest pooled), 30 days
 * of activity (calls, promises with their due dates and outcomes, payments credited and
 * one in fifty reversed), generated set-based; the nightly snapshot taken through
 * {@link AccountSnapshots} (timed, then taken again: the re-run replaces the day); a
 * history of daily snapshots generated set-based with {@code generate_series} (buckets
 * moved month by month), 13 month ends and the last 30 days by default
 * ({@code -Dreports.history-days=395} for every day of 13 months, about 400 million
 * rows); then each API report asked {@code reports.rounds} times (20) as a manager,
 * median and p95. Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=ReportsBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.data-dir=target/benchmark/reports-${random.uuid}", "dues.demo=false",
		"dues.admin-password=benchmark", "dues.aging.cron=-", "dues.arrangements.cron=-", "dues.work.order-cron=-",
		"dues.reporting.snapshot-cron=-", "dues.reporting.counters-cron=-", "dues.imports.two-sessions=off",
		"logging.level.org.dues=warn", "logging.level.org.dues.portfolio.imports.ImportRun=info" })
@AutoConfigureMockMvc
@Import({ ReportsBenchmark.Config.class, LoadPortfolio.class })
class ReportsBenchmark {

	/** Thursday 26 November 2026, 23:50 in India: the night's snapshot is due. */
	static final Instant NOW = Instant.parse("2026-11-26T18:20:00Z");

	static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

	@Autowired
	LoadPortfolio portfolio;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountSnapshots snapshots;

	@Autowired
	DailyCounters counters;

	@Autowired
	Measures measures;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Test
	void reportsOnAMillionAccounts() throws Exception {
		int agents = Integer.getInteger("reports.agents", 200);
		int accountsEach = Integer.getInteger("reports.accounts-each", 5_000);
		int historyDays = Integer.getInteger("reports.history-days", 0);
		int rounds = Integer.getInteger("reports.rounds", 20);
		LocalDate today = LocalDate.ofInstant(NOW, INDIA);
		this.clock.set(NOW.minus(Duration.ofDays(1)));
		long setUp = System.nanoTime();
		List<String> names = this.portfolio.seed(agents, accountsEach, 0, this.clock.instant(), "reports-bench", false);
		int owners = agents * 7 / 10;
		this.portfolio.toPool(names.subList(owners, names.size()), "bench");
		Teams.TeamView north = this.portfolio.team("North", null, names.subList(0, agents / 2));
		this.portfolio.team("South", null, names.subList(agents / 2, agents));
		this.users.createIfAbsent(new NewUser("bench-manager", "Manager", "reports-bench", Set.of(Role.MANAGER),
				List.of("en"), List.of(), null, null));
		this.clock.set(NOW);
		UUID creditor = this.jdbc.sql("SELECT id FROM portfolio_creditors WHERE code = :c")
			.param("c", LoadPortfolio.CREDITOR)
			.query(UUID.class)
			.single();
		Map<String, Object> p = Map.of("now", Timestamp.from(NOW), "midnight",
				Timestamp.from(today.atStartOfDay(INDIA).toInstant()), "creditor", creditor, "today", today);
		int calls = activity(p);
		List<String> report = new ArrayList<>(List.of("=== reports ===",
				"%d agents, %,d accounts, %s".formatted(agents, agents * accountsEach,
						"%,d calls, promises and payments over 30 days".formatted(calls)),
				"%d cores, JDK %s, max heap %d MB".formatted(Runtime.getRuntime().availableProcessors(),
						Runtime.version(), Runtime.getRuntime().maxMemory() >> 20)));
		this.jdbc.sql("VACUUM ANALYZE").update();
		report.add("set up in %.0f s".formatted((System.nanoTime() - setUp) / 1e9));

		// the nightly snapshot, as the job takes it, then again (the re-run replaces it)
		for (int run = 1; run <= 3; run++) {
			AccountSnapshots.Taken taken = this.snapshots.takeDue()
				.stream()
				.findFirst()
				.orElseGet(() -> this.snapshots.take(today, List.of(creditor)));
			report.add("nightly snapshot, run %d: %,d accounts in %,d ms".formatted(run, taken.accounts(),
					taken.took().toMillis()));
		}
		long started = System.nanoTime();
		long rows = history(today, historyDays, creditor);
		report.add("history: %,d snapshot rows generated in %.0f s (%s)"
			.formatted(rows, (System.nanoTime() - started) / 1e9, (historyDays > 0) ? historyDays + " days"
					: "13 month ends and the last %d days".formatted(Integer.getInteger("reports.recent-days", 30))));
		started = System.nanoTime();
		this.counters.refresh(today.minusDays(30), today);
		report.add("daily counters of 31 days rebuilt in %,d ms".formatted((System.nanoTime() - started) / 1_000_000));
		YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
		started = System.nanoTime();
		this.measures.rollRates(lastMonth, ReportFilter.period(today, today));
		report
			.add("roll moves of %s computed in %,d ms".formatted(lastMonth, (System.nanoTime() - started) / 1_000_000));
		for (YearMonth m = lastMonth.minusMonths(11); m.isBefore(lastMonth); m = m.plusMonths(1)) {
			this.measures.rollRates(m, ReportFilter.period(today, today));
		}
		this.jdbc.sql("VACUUM ANALYZE").update();

		String from = today.minusDays(29).toString();
		Map<String, MockHttpServletRequestBuilder> asks = new LinkedHashMap<>();
		asks.put("collections, 30 days by day",
				get("/api/v1/reports/collections").param("from", from)
					.param("to", today.toString())
					.param("creditor", LoadPortfolio.CREDITOR));
		asks.put("collections, 30 days by agent",
				get("/api/v1/reports/collections").param("from", from)
					.param("to", today.toString())
					.param("groupBy", "agent"));
		asks.put("collections, 30 days by team",
				get("/api/v1/reports/collections").param("from", from)
					.param("to", today.toString())
					.param("groupBy", "team"));
		asks.put("collections, 30 days by bucket",
				get("/api/v1/reports/collections").param("from", from)
					.param("to", today.toString())
					.param("groupBy", "bucket"));
		asks.put("collections, 13 months by month",
				get("/api/v1/reports/collections").param("from", today.minusMonths(13).toString())
					.param("to", today.toString())
					.param("groupBy", "month"));
		asks.put("collections, XLSX by agent",
				get("/api/v1/reports/collections").param("from", from)
					.param("to", today.toString())
					.param("groupBy", "agent")
					.header("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
		asks.put("roll rates, last month", get("/api/v1/reports/roll-rates").param("month", lastMonth.toString()));
		asks.put("roll rates, last month, one team",
				get("/api/v1/reports/roll-rates").param("month", lastMonth.toString())
					.param("team", north.id().toString()));
		asks.put("promises, 30 days by agent",
				get("/api/v1/reports/promises").param("from", from)
					.param("to", today.toString())
					.param("groupBy", "agent"));
		Map<String, List<Double>> ms = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			for (Map.Entry<String, MockHttpServletRequestBuilder> ask : asks.entrySet()) {
				long t = System.nanoTime();
				this.mvc.perform(ask.getValue().with(httpBasic("bench-manager", "reports-bench")))
					.andExpect(status().isOk());
				ms.computeIfAbsent(ask.getKey(), (k) -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
			}
			ReportFilter period = ReportFilter.period(today.minusDays(29), today);
			long t = System.nanoTime();
			this.measures.compare(period);
			ms.computeIfAbsent("Measures.compare, 30 days and the 30 before (Java)", (k) -> new ArrayList<>())
				.add((System.nanoTime() - t) / 1e6);
			// the same two periods asked one after the other, as compare read them before
			t = System.nanoTime();
			this.measures.measures(period);
			this.measures.measures(period.previous());
			ms.computeIfAbsent("Measures.measures, the two periods one after the other", (k) -> new ArrayList<>())
				.add((System.nanoTime() - t) / 1e6);
		}
		report.addAll(cureStatements(today));
		report.addAll(periodStatements(today));
		report.add("milliseconds over %d rounds: median, p95 (every run)".formatted(rounds));
		ms.forEach((what, runs) -> {
			double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			int p95 = (int) Math.ceil(sorted.length * 0.95) - 1;
			report.add("%-55s %8.1f %8.1f  %s".formatted(what, sorted[sorted.length / 2], sorted[p95],
					Arrays.toString(runs.stream().map((v) -> Math.round(v)).toArray())));
		});
		String text = String.join(System.lineSeparator(), report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/reports.txt"), text);
	}

	/**
	 * The cure rate's statement over the month ends of the 30 days and of the 30 before,
	 * as it was (the month's last day computed for every row of the migrations) and as it
	 * is (a range of the month column), each EXPLAIN ANALYZEd three times in this run:
	 * the plan's shape and the last run's execution time.
	 */
	private List<String> cureStatements(LocalDate today) {
		String select = """
				EXPLAIN (ANALYZE, BUFFERS) SELECT coalesce(sum(accounts) FILTER (WHERE from_rank > 0
				    AND ((to_status = 'ACTIVE' AND to_rank = 0) OR to_status IN ('PAID', 'SETTLED'))), 0),
				    coalesce(sum(accounts) FILTER (WHERE from_rank > 0), 0)
				FROM reporting_roll_moves WHERE %s""";
		Map<String, String> statements = new LinkedHashMap<>();
		statements.put("cure, as it was (month's end computed per row)",
				select.formatted("CAST(month + interval '1 month' - interval '1 day' AS date) BETWEEN :from AND :to"));
		statements.put("cure, as it is (range of months)", select.formatted("month BETWEEN :first AND :last"));
		List<String> lines = new ArrayList<>(
				List.of("the cure rate's statement, 60 days (EXPLAIN ANALYZE, 3 runs):", "migration rows: %,d"
					.formatted(this.jdbc.sql("SELECT count(*) FROM reporting_roll_moves").query(Long.class).single())));
		LocalDate from = today.minusDays(59);
		YearMonth last = today.equals(YearMonth.from(today).atEndOfMonth()) ? YearMonth.from(today)
				: YearMonth.from(today).minusMonths(1);
		statements.forEach((what, sql) -> {
			List<String> plan = List.of();
			List<String> times = new ArrayList<>();
			for (int run = 0; run < 3; run++) {
				plan = this.jdbc.sql(sql)
					.param("from", from)
					.param("to", today)
					.param("first", YearMonth.from(from).atDay(1))
					.param("last", last.atDay(1))
					.query(String.class)
					.list();
				times.add(plan.stream()
					.filter((l) -> l.startsWith("Execution Time"))
					.findFirst()
					.orElse("?")
					.replace("Execution Time: ", ""));
			}
			lines.add("%s: %s".formatted(what, times));
			plan.forEach((l) -> lines.add("    " + l));
		});
		return lines;
	}

	/**
	 * A period's collections and average days to pay (the 30 days' totals, as
	 * {@code Measures} reads them) from every credit and from the credits' daily sums,
	 * and its promises due, each EXPLAIN ANALYZEd three times: the last run's execution
	 * time.
	 */
	private List<String> periodStatements(LocalDate today) {
		Map<String, String> statements = new LinkedHashMap<>();
		statements.put("collections, from every credit",
				"""
						SELECT CAST(CAST(date_trunc('month', r.day) AS date) AS text), r.currency,
						       coalesce(sum(r.amount) FILTER (WHERE r.kind = 'PAYMENT'), 0), count(*) FILTER (WHERE r.kind = 'PAYMENT'),
						       coalesce(-sum(r.amount) FILTER (WHERE r.kind = 'REVERSAL'), 0), count(*) FILTER (WHERE r.kind = 'REVERSAL')
						FROM reporting_payment_credits r WHERE r.day BETWEEN :from AND :to AND r.kind IN ('PAYMENT', 'REVERSAL')
						GROUP BY 1, 2""");
		statements.put("collections, from the daily sums", """
				SELECT CAST(CAST(date_trunc('month', r.day) AS date) AS text), r.currency, sum(r.paid), sum(r.payments),
				       sum(r.reversed), sum(r.reversals)
				FROM reporting_credits_daily r WHERE r.day BETWEEN :from AND :to
				GROUP BY 1, 2 HAVING sum(r.payments) + sum(r.reversals) > 0""");
		statements.put("days to pay, from every credit", """
				SELECT avg(greatest(p.received_on - p.placed_on, 0)) FROM reporting_payment_credits p
				WHERE p.kind = 'PAYMENT' AND p.day BETWEEN :from AND :to AND p.placed_on IS NOT NULL""");
		statements.put("days to pay, from the daily sums", """
				SELECT CAST(sum(p.days_to_pay) AS numeric) / nullif(sum(p.timed), 0) FROM reporting_credits_daily p
				WHERE p.day BETWEEN :from AND :to""");
		statements.put("promises due, live", """
				SELECT CAST(CAST(date_trunc('month', q.due_on) AS date) AS text), q.currency, count(*),
				       count(*) FILTER (WHERE q.kept), count(*) FILTER (WHERE q.broken), count(*) FILTER (WHERE q.open),
				       sum(q.amount), coalesce(sum(q.amount) FILTER (WHERE q.kept), 0),
				       coalesce(sum(q.amount) FILTER (WHERE q.broken), 0)
				FROM arrangement_promise_due_facts q WHERE q.due_on BETWEEN :from AND :to GROUP BY 1, 2""");
		statements.put("opening balances", """
				SELECT d.currency, sum(d.accounts), sum(d.balance), sum(d.overdue) FROM reporting_portfolio_daily d
				WHERE d.day = (SELECT max(day) FROM reporting_snapshot_runs WHERE day <= CAST(:from AS date) - 1)
				  AND d.status = 'ACTIVE' GROUP BY 1""");
		statements.put("daily counters",
				"""
						SELECT c.currency, sum(k.attempts), sum(k.right_party), sum(k.blocked), sum(k.active_hours),
						       sum(k.promises), sum(k.promised), sum(k.messages_sent), sum(k.messages_delivered),
						       sum(k.disputes_opened), sum(k.disputes_closed), sum(k.complaints_opened), sum(k.complaints_closed)
						FROM reporting_daily_counters k JOIN portfolio_creditor_report_facts c ON c.id = k.creditor_id
						WHERE k.day BETWEEN :from AND :to GROUP BY 1""");
		List<String> lines = new ArrayList<>(List.of("a period's statements, 30 days (EXPLAIN ANALYZE, 3 runs):",
				"credits: %,d, daily sums: %,d rows by agent, %,d by every dimension".formatted(
						this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits").query(Long.class).single(),
						this.jdbc.sql("SELECT count(*) FROM reporting_credits_daily").query(Long.class).single(),
						this.jdbc.sql("SELECT count(*) FROM reporting_credits_daily_dims")
							.query(Long.class)
							.single())));
		statements.forEach((what, sql) -> {
			List<String> plan = List.of();
			List<String> times = new ArrayList<>();
			for (int run = 0; run < 3; run++) {
				plan = this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
					.param("from", today.minusDays(29))
					.param("to", today)
					.query(String.class)
					.list();
				times.add(plan.stream()
					.filter((l) -> l.startsWith("Execution Time"))
					.findFirst()
					.orElse("?")
					.replace("Execution Time: ", ""));
			}
			lines.add("%s: %s".formatted(what, times));
			plan.forEach((l) -> lines.add("    " + l));
		});
		return lines;
	}

	/** 30 days of calls, promises (with due dates and outcomes) and credited payments. */
	private int activity(Map<String, Object> p) {
		int calls = this.jdbc
			.sql("""
					INSERT INTO contact_interactions (id, customer_id, account_id, channel, direction, role, purpose, status,
					    result, started_at, recorded_at, agent, blocked_reason)
					SELECT gen_random_uuid(), a.customer_id, a.id, 'CALL', 'OUTBOUND', 'CONSUMER', 'COLLECTION',
					    CASE WHEN h % 20 = 0 THEN 'BLOCKED' ELSE 'LOGGED' END,
					    CASE WHEN h % 20 = 0 THEN NULL WHEN h % 5 = 0 THEN 'CONVERSATION' ELSE 'NO_ANSWER' END,
					    t, t, w.agent, CASE WHEN h % 20 = 0 THEN 'benchmark' END
					FROM work_assignments w JOIN portfolio_accounts a ON a.id = w.account_id
					CROSS JOIN generate_series(0, 29) AS d
					CROSS JOIN LATERAL (SELECT hashtext(w.account_id::text || d::text)::bigint & 2147483647 AS h) x
					CROSS JOIN LATERAL (SELECT CAST(:midnight AS timestamptz) - d * interval '1 day' + interval '9 hours'
					    + (x.h % 19800) * interval '1 second' AS t) y
					WHERE w.agent IS NOT NULL AND x.h % 1000 < 30 AND y.t < CAST(:now AS timestamptz)""")
			.params(p)
			.update();
		this.jdbc.sql("""
				INSERT INTO work_dispositions (id, account_id, interaction_id, result, outcome, amount, currency, agent,
				    recorded_at)
				SELECT gen_random_uuid(), i.account_id, i.id, 'RIGHT_PARTY', 'PROMISE_TO_PAY',
				    1000 + (hashtext(i.id::text)::bigint & 2147483647) % 9000, 'INR', i.agent, i.started_at
				FROM contact_interactions i
				WHERE i.result = 'CONVERSATION' AND (hashtext(i.id::text)::bigint & 2147483647) % 3 = 0""").update();
		// each promise taken as an arrangement due a week later: kept, broken or still
		// open
		this.jdbc
			.sql("""
					WITH b AS MATERIALIZED (
					    SELECT gen_random_uuid() AS id, d.account_id, d.agent, d.amount, d.recorded_at,
					           CAST(d.recorded_at AT TIME ZONE 'Asia/Kolkata' AS date) + 7 AS due_on,
					           (hashtext(d.id::text)::bigint & 2147483647) % 10 AS h,
					           row_number() OVER (PARTITION BY d.account_id ORDER BY d.recorded_at DESC) AS latest
					    FROM work_dispositions d WHERE d.outcome = 'PROMISE_TO_PAY'
					), a AS (
					    INSERT INTO arrangement_arrangements (id, account_id, creditor_id, kind, status, currency, amount,
					        balance_at_start, created_at, created_by, activated_at, closed_at)
					    SELECT id, account_id, :creditor, 'PROMISE',
					           CASE WHEN due_on >= :today AND latest = 1 THEN 'ACTIVE' WHEN due_on >= :today THEN 'CANCELLED'
					                WHEN h < 6 THEN 'KEPT' ELSE 'BROKEN' END,
					           'INR', amount, amount * 10, recorded_at, agent, recorded_at,
					           CASE WHEN due_on < :today THEN recorded_at + interval '7 days'
					                WHEN latest > 1 THEN recorded_at + interval '1 day' END
					    FROM b RETURNING id
					)
					INSERT INTO arrangement_instalments (arrangement_id, seq, due_on, amount, paid, status)
					SELECT b.id, 1, b.due_on, b.amount, CASE WHEN b.h < 6 AND b.due_on < :today THEN b.amount ELSE 0 END,
					       CASE WHEN b.due_on >= :today THEN 'PENDING' WHEN b.h < 6 THEN 'PAID' ELSE 'MISSED' END
					FROM b JOIN a ON a.id = b.id""")
			.params(p)
			.update();
		// payments: about 20 a day on each owner's accounts, credited to the owner
		this.jdbc
			.sql("""
					INSERT INTO reporting_payment_credits (payment_id, kind, account_id, amount, currency, agent, credited_as,
					    received_on, at, recorded_at, creditor_id)
					SELECT gen_random_uuid(), 'PAYMENT', w.account_id, 500 + h % 5000, 'INR', w.agent, 'ACCOUNT_HOLDER',
					       CAST(:today AS date) - d, CAST(:midnight AS timestamptz) - d * interval '1 day' + interval '12 hours',
					       CAST(:now AS timestamptz), :creditor
					FROM work_assignments w CROSS JOIN generate_series(0, 29) AS d
					CROSS JOIN LATERAL (SELECT hashtext(w.account_id::text || 'p' || d::text)::bigint & 2147483647 AS h) x
					WHERE w.agent IS NOT NULL AND x.h % 1000 < 4""")
			.params(p)
			.update();
		this.jdbc
			.sql("""
					INSERT INTO reporting_payment_credits (payment_id, kind, account_id, amount, currency, agent, credited_as,
					    received_on, at, recorded_at, creditor_id)
					SELECT payment_id, 'REVERSAL', account_id, -amount, currency, agent, credited_as, received_on,
					       at + interval '2 days', recorded_at, creditor_id
					FROM reporting_payment_credits
					WHERE kind = 'PAYMENT' AND (hashtext(payment_id::text)::bigint & 2147483647) % 50 = 0""")
			.update();
		return calls;
	}

	/**
	 * Daily snapshots before today, generated from today's: each account's bucket moved
	 * by a hash of the account and the month, as a portfolio rolls; then their roll-ups
	 * and runs, as the job would have left them.
	 */
	private long history(LocalDate today, int historyDays, UUID creditor) {
		Set<LocalDate> days = new TreeSet<>();
		if (historyDays > 0) {
			for (int d = 1; d <= historyDays; d++) {
				days.add(today.minusDays(d));
			}
		}
		else {
			for (int d = 1; d <= Integer.getInteger("reports.recent-days", 30); d++) {
				days.add(today.minusDays(d));
			}
			for (int m = 1; m <= 13; m++) {
				days.add(YearMonth.from(today).minusMonths(m).atEndOfMonth());
			}
		}
		long rows = 0;
		for (LocalDate day : days) {
			YearMonth month = YearMonth.from(day);
			this.jdbc.sql("SELECT reporting_snapshot_partition_make(:d)").param("d", day).query(Boolean.class).single();
			rows += this.jdbc
				.sql("""
						INSERT INTO reporting_account_snapshots (day, account_id, creditor_id, currency, product, status, bucket,
						    bucket_rank, days_past_due, balance, overdue, agent, team_id, queue_id, region, language)
						SELECT CAST(:day AS date), s.account_id, s.creditor_id, s.currency, s.product, s.status,
						       (ARRAY['CURRENT', 'SMA-0', 'SMA-1', 'SMA-2', 'NPA'])[r.rank + 1], r.rank,
						       CASE r.rank WHEN 0 THEN 0 WHEN 1 THEN 15 WHEN 2 THEN 45 WHEN 3 THEN 75 ELSE 120 END,
						       s.balance, s.overdue, s.agent, s.team_id, s.queue_id, s.region, s.language
						FROM reporting_account_snapshots s
						CROSS JOIN LATERAL (SELECT CAST((hashtext(s.account_id::text || :month)::bigint & 2147483647) % 5
						                         AS smallint) AS rank) r
						WHERE s.day = :today""")
				.param("day", day)
				.param("month", month.toString())
				.param("today", today)
				.update();
			this.jdbc
				.sql("""
						INSERT INTO reporting_portfolio_daily (day, creditor_id, currency, product, status, bucket, bucket_rank,
						    agent, team_id, queue_id, region, language, accounts, delinquent, balance, overdue)
						SELECT day, creditor_id, currency, product, status, bucket, bucket_rank, agent, team_id, queue_id,
						       region, language, count(*), count(*) FILTER (WHERE days_past_due > 0), sum(balance), sum(overdue)
						FROM reporting_account_snapshots WHERE day = :day
						GROUP BY day, creditor_id, currency, product, status, bucket, bucket_rank, agent, team_id, queue_id,
						         region, language""")
				.param("day", day)
				.update();
			this.jdbc.sql("""
					INSERT INTO reporting_snapshot_runs (creditor_id, day, taken_at, accounts, millis)
					VALUES (:c, :day, now(), 0, 0)""").param("c", creditor).param("day", day).update();
		}
		// as taking each day would have: the credits of the day after take its dimensions
		this.jdbc.sql("""
				UPDATE reporting_payment_credits p
				SET (bucket, queue_id, region, language) = (SELECT s.bucket, s.queue_id, s.region, s.language
				                                            FROM reporting_account_snapshots s
				                                            WHERE s.day = p.day - 1 AND s.account_id = p.account_id)""")
			.update();
		return rows;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Config {

		@Bean
		@Primary
		MutableClock benchmarkClock() {
			return new MutableClock(NOW);
		}

	}

}
