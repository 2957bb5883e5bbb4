package org.dues.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.work.ArrangementState;
import org.dues.work.NextAccount;
import org.dues.work.QueueFilters;
import org.dues.work.Queues;
import org.dues.work.WorkOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans of next account's statements, as the application runs them: its three steps
 * (due follow-ups, the agent's own accounts, a team queue's pooled accounts), a queue's
 * listing and the work order's pass, each recorded with its bound values and run again
 * under {@code EXPLAIN (ANALYZE, BUFFERS)} on a portfolio of {@code plans.accounts}
 * accounts (100,000 by default) with arrangements, a callback, agents routed by language
 * and region and a queue filtering on creditor, bucket, language and arrangements.
 * Written to {@code target/benchmarks/next-account-plans.txt}, for comparing the index
 * each node uses before and after a change to the SQL. Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=NextAccountPlansBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.database.durable=false", "dues.demo=false", "dues.admin-password=benchmark",
		"dues.aging.cron=-", "dues.arrangements.cron=-", "dues.work.order-cron=-", "logging.level.org.dues=warn",
		"logging.level.org.flywaydb=warn" })
@Import(PlansConfiguration.class)
class NextAccountPlansBenchmark {

	@Autowired
	LoadPortfolio portfolio;

	@Autowired
	UserManagement users;

	@Autowired
	NextAccount work;

	@Autowired
	WorkOrder order;

	@Autowired
	Queues queues;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	RecordedStatements recorder;

	@Autowired
	Clock clock;

	static final Path DATA_DIR = Path.of("target/benchmark/plans-" + UUID.randomUUID());

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("dues.data-dir", DATA_DIR::toString);
	}

	@Test
	void plansOfNextAccountsStatements() throws Exception {
		int agents = 20;
		int each = Integer.getInteger("plans.accounts", 100_000) / agents;
		this.portfolio.seed(agents, each, 0, this.clock.instant(), "plans-agent-password");
		for (String name : List.of("plans", "pool")) {
			this.users.createIfAbsent(new NewUser(name, name, "plans-agent-password", Set.of(Role.AGENT),
					List.of("en", "hi"), List.of("KL", "UP"), "PLANS-" + name, LocalDate.of(2030, 12, 31)));
		}
		this.work.reassignFrom("agent019", "plans", "benchmark");
		this.work.reassignFrom("agent020", null, "benchmark");
		Queues.QueueView queue = this.portfolio.queue(this.portfolio.team("Plans", null, List.of("plans", "pool")),
				"Pooled SMA and NPA",
				new QueueFilters(List.of(LoadPortfolio.CREDITOR), List.of("SMA-1", "SMA-2", "NPA"), null, null, null,
						null, List.of("hi", "en"), List.of(), List.of(),
						List.of(ArrangementState.NONE, ArrangementState.BROKEN)),
				1, "benchmark");
		Instant now = this.clock.instant();
		// a promise on every tenth account: broken, kept or in force
		this.jdbc.sql("""
				INSERT INTO arrangement_arrangements (id, account_id, creditor_id, kind, status, currency, amount,
				    balance_at_start, created_at, created_by)
				SELECT gen_random_uuid(), id, creditor_id, 'PROMISE', (ARRAY['BROKEN', 'KEPT', 'ACTIVE'])[1 + n % 3],
				    currency, 100, principal, :at, 'benchmark'
				FROM (SELECT a.*, row_number() OVER (ORDER BY id) AS n FROM portfolio_accounts a) a WHERE n % 10 = 0""")
			.param("at", Timestamp.from(now.minus(Duration.ofDays(3))))
			.update();
		this.jdbc.sql("""
				INSERT INTO work_followups (id, account_id, due_at, cause, cause_ref, reason, assigned_to, created_at)
				SELECT gen_random_uuid(), w.account_id, :due, 'CALLBACK', w.account_id::text, 'asked to call back',
				    w.agent, :due
				FROM work_assignments w WHERE w.agent = 'plans' ORDER BY w.account_id LIMIT 1""")
			.param("due", Timestamp.from(now.minus(Duration.ofMinutes(5))))
			.update();
		PlansConfiguration.analyze(this.dataSource, DATA_DIR);

		Map<String, RecordedStatements.Statement> statements = new LinkedHashMap<>();
		for (String agent : List.of("plans", "plans", "pool")) {
			for (RecordedStatements.Statement s : this.recorder.during(() -> this.work.next(agent))) {
				if (s.sql().contains("FOR NO KEY UPDATE OF a SKIP LOCKED")) {
					statements.putIfAbsent(s.sql(), s);
				}
			}
		}
		assertThat(statements).as("follow-ups, own accounts, the queue").hasSize(3);
		List<String> names = new ArrayList<>(List.of("step 1, due follow-ups", "step 2, the agent's own accounts",
				"step 3, the team queue's pooled accounts"));
		record(statements, names, "Queues.refreshMembers, a queue's listing", () -> this.queues.refreshMembers());
		record(statements, names, "Queues.size", () -> this.queues.size(queue.id()));
		this.jdbc
			.sql("UPDATE portfolio_accounts SET days_past_due = days_past_due + 1 WHERE id IN"
					+ " (SELECT account_id FROM work_assignments ORDER BY account_id LIMIT 1000)")
			.update();
		record(statements, names, "WorkOrder.refresh, the order's pass", () -> this.order.refresh());

		List<String> report = new ArrayList<>(List.of("=== next account's plans, %,d accounts, %s ==="
			.formatted(agents * each, LocalDate.now(ZoneOffset.UTC))));
		int i = 0;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (RecordedStatements.Statement statement : statements.values()) {
				report.add("--- " + names.get(i++));
				report.add(statement.sql());
				if (statement.sql().startsWith("INSERT INTO work_queue_members")) {
					// the listing replaces the queue's list (rolled back with it)
					connection.createStatement().execute("DELETE FROM work_queue_members");
				}
				report.addAll(statement.rerun(connection, "EXPLAIN (ANALYZE, BUFFERS) "));
				connection.rollback();
			}
		}
		PlansConfiguration.write(report, "next-account-plans.txt");
	}

	private void record(Map<String, RecordedStatements.Statement> into, List<String> names, String name,
			Runnable work) {
		List<RecordedStatements.Statement> recorded = this.recorder.during(work);
		RecordedStatements.Statement main = recorded.stream()
			.filter((s) -> s.sql().contains("portfolio_account"))
			.findFirst()
			.orElseThrow();
		into.put(main.sql(), main);
		names.add(name);
	}

}
