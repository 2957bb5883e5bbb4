package org.dues.benchmark;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.dues.MutableClock;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.payment.NewPayment;
import org.dues.payment.PaymentChannel;
import org.dues.payment.PaymentManagement;
import org.dues.portfolio.AccountId;
import org.dues.reporting.AgentDay;
import org.dues.reporting.Floor;
import org.dues.reporting.TargetProgress;
import org.dues.reporting.TargetReader;
import org.dues.reporting.TargetScope;
import org.dues.reporting.TargetValues;
import org.dues.reporting.Targets;
import org.dues.work.QueueSizes;
import org.dues.shared.Money;
import org.dues.work.QueueFilters;
import org.dues.work.Queues;
import org.dues.work.QueueSizesBefore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor page's figures for a floor of 200 agents on a million accounts (140
 * agents owning 5,000 each, 300,000 pooled in eight team queues), a month of calls behind
 * them and a morning's work today: each agent's state and day, and every queue's size, as
 * reporting reads them now (from the owners' published faces and its own payment credits)
 * beside the way work read them before (the same statements on the owners' tables),
 * alternated in the same run, after checking that both read the same figures. Not part of
 * {@code ./mvnw verify}: {@code ./mvnw -Pbenchmark test -Dtest=SupervisorBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.data-dir=target/benchmark/supervisor-${random.uuid}", "dues.demo=false",
		"dues.admin-password=benchmark", "dues.aging.cron=-", "dues.arrangements.cron=-", "dues.work.order-cron=-",
		"logging.level.org.dues=warn", "logging.level.org.dues.portfolio.imports.ImportRun=info" })
@Import({ SupervisorBenchmark.Config.class, LoadPortfolio.class })
class SupervisorBenchmark {

	/** Thursday 26 November 2026, 15:30 in India: the morning's work is done. */
	static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

	@Autowired
	LoadPortfolio portfolio;

	@Autowired
	UserManagement users;

	@Autowired
	Queues queues;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PaymentManagement payments;

	@Autowired
	Floor floor;

	@Autowired
	MutableClock clock;

	@Autowired
	QueueSizes queueSizes;

	@Autowired
	Targets targets;

	@Autowired
	TargetProgress progress;

	@Test
	void theFloorsDay() throws Exception {
		int agents = Integer.getInteger("supervisor.agents", 200);
		int accountsEach = Integer.getInteger("supervisor.accounts-each", 5_000);
		int rounds = Integer.getInteger("supervisor.rounds", 5);
		// the portfolio is placed the day before
		this.clock.set(NOW.minus(Duration.ofDays(1)));
		List<String> names = this.portfolio.seed(agents, accountsEach, 0, this.clock.instant(), "supervisor-bench",
				false);
		int owners = agents * 7 / 10;
		this.portfolio.toPool(names.subList(owners, names.size()), "bench");
		Teams.TeamView team = this.portfolio.team("Floor", null, names);
		List<String> code = List.of(LoadPortfolio.CREDITOR);
		List<QueueFilters> filters = List.of(
				new QueueFilters(code, List.of("SMA-0"), null, null, null, null, List.of(), List.of(), List.of(),
						List.of()),
				new QueueFilters(code, List.of("SMA-1", "SMA-2"), null, null, null, null, List.of(), List.of(),
						List.of(), List.of()),
				new QueueFilters(code, List.of("NPA"), null, null, null, null, List.of(), List.of(), List.of(),
						List.of()),
				new QueueFilters(code, List.of(), 1, 30, new BigDecimal("100000"), null, List.of(), List.of(),
						List.of(), List.of()),
				new QueueFilters(code, List.of(), null, null, null, null, List.of("ml"), List.of(), List.of(),
						List.of()),
				new QueueFilters(code, List.of(), null, null, null, null, List.of("hi"), List.of(), List.of(),
						List.of()),
				new QueueFilters(code, List.of(), 61, null, null, new BigDecimal("50000"), List.of(), List.of(),
						List.of(), List.of()),
				new QueueFilters(code, List.of(), null, null, null, null, List.of(), List.of("KL"), List.of(),
						List.of()));
		for (int i = 0; i < filters.size(); i++) {
			this.portfolio.queue(team, "Queue " + (i + 1), filters.get(i), 10 + i, "bench");
		}

		// a month of calls behind the owners (about 3% of an agent's accounts a day, one
		// in
		// twenty blocked, one in five a conversation), today's from 09:00 in India
		Instant midnight = LocalDate.ofInstant(NOW, INDIA).atStartOfDay(INDIA).toInstant();
		long started = System.nanoTime();
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
			.param("midnight", Timestamp.from(midnight))
			.param("now", Timestamp.from(NOW))
			.update();
		int promises = this.jdbc
			.sql("""
					INSERT INTO work_dispositions (id, account_id, interaction_id, result, outcome, amount, currency, agent,
					    recorded_at)
					SELECT gen_random_uuid(), i.account_id, i.id, 'RIGHT_PARTY', 'PROMISE_TO_PAY',
					    1000 + (hashtext(i.id::text)::bigint & 2147483647) % 9000, 'INR', i.agent, i.started_at
					FROM contact_interactions i WHERE i.result = 'CONVERSATION' AND (hashtext(i.id::text)::bigint & 2147483647) % 3 = 0""")
			.update();
		// today's payments, through the application: 20 on each owner's accounts
		this.clock.set(NOW.minus(Duration.ofHours(2)));
		List<UUID> paying = this.jdbc
			.sql("""
					SELECT account_id FROM (SELECT account_id, row_number() OVER (PARTITION BY agent ORDER BY account_id) AS n
					    FROM work_assignments WHERE agent IS NOT NULL) r WHERE n <= 20""")
			.query(UUID.class)
			.list();
		int n = 0;
		for (UUID account : paying) {
			this.payments.post(new AccountId(account),
					new NewPayment(Money.of(new BigDecimal(500 + (n % 50) * 10), Currency.getInstance("INR")),
							PaymentChannel.UPI, "BENCH-" + n++, null),
					"bank");
		}
		// each payment is credited after it commits, asynchronously
		await().atMost(Duration.ofMinutes(5))
			.until(() -> this.jdbc.sql("SELECT count(*) FROM reporting_payment_credits").query(Long.class).single(),
					(credited) -> credited >= paying.size());
		this.jdbc.sql("VACUUM ANALYZE").update();
		this.clock.set(NOW);
		List<String> report = new ArrayList<>(List.of("=== the supervisor's floor ===",
				"%d agents (%d owning %,d accounts each, %d with theirs pooled), %d queues, %,d calls over 30 days, %,d promises, %,d payments today, set up in %.0f s"
					.formatted(agents, owners, accountsEach, agents - owners, filters.size(), calls, promises,
							paying.size(), (System.nanoTime() - started) / 1e9),
				"%d cores, JDK %s, max heap %d MB".formatted(Runtime.getRuntime().availableProcessors(),
						Runtime.version(), Runtime.getRuntime().maxMemory() >> 20)));

		Before before = new Before(this.jdbc, this.users);
		QueueSizesBefore sizesBefore = new QueueSizesBefore(this.jdbc, this.queues);
		// the two read the same figures, but for what is paid: credited now to whoever
		// earned it at the time, before to the account's owner now (the same agents here,
		// where nobody was reassigned after a payment)
		List<AgentDay> now = this.floor.agents(INDIA, null);
		List<AgentDay> then = before.agents(INDIA);
		assertThat(withoutPaid(now)).isEqualTo(withoutPaid(then));
		report.add("paid today: %s".formatted(now.equals(then) ? "the same figures for every agent"
				: "differs for %d agents".formatted(now.stream().filter((d) -> !then.contains(d)).count())));
		// the kept counts equal the live count of the tables
		assertThat(this.floor.queueSizes(null)).isEqualTo(sizesBefore.all());
		// every agent and the team with a month's target
		java.time.YearMonth month = java.time.YearMonth.from(LocalDate.ofInstant(NOW, INDIA));
		for (String agent : names) {
			this.targets.set(month, TargetScope.AGENT, agent,
					new TargetValues(List.of(Money.of(new BigDecimal("500000"), Currency.getInstance("INR"))), 40L, 5L),
					"bench", Targets.Source.API);
		}
		this.targets.set(month, TargetScope.TEAM, team.id().toString(),
				new TargetValues(List.of(Money.of(new BigDecimal("100000000"), Currency.getInstance("INR"))), 8000L,
						1000L),
				"bench", Targets.Source.API);
		TargetReader manager = new TargetReader("bench", java.util.Set.of(Role.MANAGER),
				new Teams.Scope(true, java.util.Set.of(), java.util.Set.of()));
		assertThat(this.progress.of(manager, month, null, INDIA)).hasSize(agents + 1);
		assertThat(this.queueSizes.live(null)).isEqualTo(sizesBefore.all());
		Map<String, List<Double>> ms = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			time(ms, "agents' day, before: 4 statements on the tables", () -> before.agents(INDIA));
			time(ms, "agents' day, now: published faces and credits", () -> this.floor.agents(INDIA, null));
			time(ms, "queue sizes, before: one pass on the tables", sizesBefore::all);
			time(ms, "queue sizes, live: one pass through the faces", () -> this.queueSizes.live(null));
			time(ms, "queue sizes, now: work's kept counts", () -> this.floor.queueSizes(null));
			time(ms, "full count of every queue (the 5-minute pass)", () -> {
				this.queueSizes.recountAll();
				return null;
			});
			time(ms, "targets' progress: 200 agents and the team", () -> this.progress.of(manager, month, null, INDIA));
			time(ms, "the floor: agents' day, kept sizes, targets", () -> {
				this.floor.agents(INDIA, null);
				this.floor.queues(null);
				return this.progress.of(manager, month, null, INDIA);
			});
			time(ms, "baseline: SELECT 1", () -> this.jdbc.sql("SELECT 1").query(Integer.class).single());
		}
		report.add("milliseconds over %d alternated rounds: median (every run)".formatted(rounds));
		ms.forEach((what, runs) -> {
			double[] sorted = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			report.add("%-50s %9.1f  %s".formatted(what, sorted[sorted.length / 2],
					Arrays.toString(runs.stream().map((v) -> Math.round(v * 10) / 10.0).toArray())));
		});
		String text = String.join(System.lineSeparator(), report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/supervisor.txt"), text);
	}

	private static void time(Map<String, List<Double>> ms, String what, Supplier<?> action) {
		long started = System.nanoTime();
		action.get();
		ms.computeIfAbsent(what, (k) -> new ArrayList<>()).add((System.nanoTime() - started) / 1e6);
	}

	/**
	 * The supervisor's reads of an agent's day as {@code work.Supervision} made them
	 * before reporting took the floor over (set-based, on the tables of contact, work and
	 * portfolio themselves, paid summed from the ledger for the account's owner now),
	 * copied here as the baseline.
	 */
	static final class Before {

		private final JdbcClient jdbc;

		private final UserManagement users;

		Before(JdbcClient jdbc, UserManagement users) {
			this.jdbc = jdbc;
			this.users = users;
		}

		List<AgentDay> agents(ZoneId zone) {
			Instant now = NOW;
			Instant midnight = LocalDate.ofInstant(now, zone).atStartOfDay(zone).toInstant();
			List<UserManagement.UserView> agents = this.users.withRole(Role.AGENT);
			Map<String, Object> p = Map.of("agents",
					agents.stream().map(UserManagement.UserView::username).toArray(String[]::new), "from",
					Timestamp.from(midnight), "now", Timestamp.from(now), "today", LocalDate.ofInstant(now, zone));
			Map<String, AgentDay.Working> working = new HashMap<>();
			this.jdbc.sql("""
					SELECT DISTINCT ON (l.agent) l.agent, l.account_id, a.account_ref, l.locked_at FROM work_locks l
					JOIN portfolio_accounts a ON a.id = l.account_id
					WHERE l.agent = ANY(:agents) AND l.expires_at > :now ORDER BY l.agent, l.locked_at DESC""")
				.params(p)
				.query((rs) -> {
					working.put(rs.getString(1), new AgentDay.Working(new AccountId(rs.getObject(2, UUID.class)),
							rs.getString(3), rs.getTimestamp(4).toInstant()));
				});
			Map<String, Object[]> calls = new HashMap<>();
			this.jdbc
				.sql("""
						SELECT agent, count(*) FILTER (WHERE status <> 'BLOCKED'), count(*) FILTER (WHERE result = 'CONVERSATION'),
						    count(*) FILTER (WHERE status = 'BLOCKED'), max(started_at)
						FROM contact_interactions WHERE agent = ANY(:agents) AND direction = 'OUTBOUND' AND started_at >= :from
						GROUP BY agent""")
				.params(p)
				.query((rs) -> {
					calls.put(rs.getString(1), new Object[] { rs.getLong(2), rs.getLong(3), rs.getLong(4),
							rs.getTimestamp(5).toInstant() });
				});
			Map<String, Long> promises = new HashMap<>();
			Map<String, List<Money>> promised = new HashMap<>();
			this.jdbc.sql("""
					SELECT agent, currency, count(*), sum(amount) FROM work_dispositions
					WHERE agent = ANY(:agents) AND recorded_at >= :from AND outcome IN ('PROMISE_TO_PAY', 'PLAN_AGREED',
					    'SETTLEMENT_AGREED') AND currency IS NOT NULL
					GROUP BY agent, currency ORDER BY agent, currency""").params(p).query((rs) -> {
				promises.merge(rs.getString(1), rs.getLong(3), Long::sum);
				promised.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
					.add(Money.of(rs.getBigDecimal(4), Currency.getInstance(rs.getString(2))));
			});
			Map<String, List<Money>> paid = new HashMap<>();
			this.jdbc.sql("""
					SELECT w.agent, e.currency, sum(e.credit - e.principal - e.interest - e.fees)
					FROM portfolio_ledger_entries e JOIN work_assignments w ON w.account_id = e.account_id
					LEFT JOIN portfolio_ledger_entries o ON o.id = e.reverses
					WHERE w.agent = ANY(:agents) AND e.recorded_at >= :from
					    AND ((e.entry_type = 'PAYMENT' AND e.effective_date = :today)
					        OR (e.entry_type = 'REVERSAL' AND o.entry_type = 'PAYMENT' AND o.effective_date = :today))
					GROUP BY w.agent, e.currency ORDER BY w.agent, e.currency""").params(p).query((rs) -> {
				paid.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
					.add(Money.of(rs.getBigDecimal(3), Currency.getInstance(rs.getString(2))));
			});
			List<AgentDay> days = new ArrayList<>();
			for (UserManagement.UserView agent : agents) {
				String name = agent.username();
				Object[] c = calls.getOrDefault(name, new Object[] { 0L, 0L, 0L, null });
				days.add(new AgentDay(name, agent.displayName(), working.get(name), (Instant) c[3], (long) c[0],
						(long) c[1], (long) c[2], promises.getOrDefault(name, 0L),
						promised.getOrDefault(name, List.of()), paid.getOrDefault(name, List.of())));
			}
			return days;
		}

	}

	/** The day without what is paid, which is credited differently by design. */
	private static List<AgentDay> withoutPaid(List<AgentDay> days) {
		return days.stream()
			.map((d) -> new AgentDay(d.agent(), d.name(), d.working(), d.lastAttempt(), d.attempts(),
					d.rightPartyContacts(), d.blocked(), d.promises(), d.promised(), List.of()))
			.toList();
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
