package org.dues.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.imports.AllocationImports;
import org.dues.work.AccountBrowser;
import org.dues.work.BrowseSort;
import org.dues.work.NextAccount;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The plans and timings of the accounts browser's statements (count and page, as a
 * manager and as a team lead, with and without filters, in each order) on a portfolio of
 * {@code plans.accounts} accounts (300,000 by default), two thirds of them owned by 100
 * agents and a third pooled, a lead leading ten of the agents and a queue of pooled SMA
 * accounts. Each statement is recorded as the application runs it and run again under
 * {@code EXPLAIN (ANALYZE, BUFFERS)}; written to
 * {@code target/benchmarks/browse-plans.txt}. Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=BrowsePlansBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.database.durable=false", "dues.demo=false", "dues.admin-password=benchmark",
		"dues.aging.cron=-", "dues.arrangements.cron=-", "dues.work.order-cron=-", "logging.level.org.dues=warn",
		"logging.level.org.flywaydb=warn" })
@Import(BrowsePlansBenchmark.PlansConfiguration.class)
class BrowsePlansBenchmark {

	static final Path DATA_DIR = Path.of("target/benchmark/browse-" + UUID.randomUUID());

	@Autowired
	Creditors creditors;

	@Autowired
	AllocationImports imports;

	@Autowired
	UserManagement users;

	@Autowired
	NextAccount work;

	@Autowired
	Teams teams;

	@Autowired
	Queues queues;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	RecordedStatements recorder;

	@Autowired
	AccountBrowser browser;

	@Autowired
	Clock clock;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("dues.data-dir", DATA_DIR::toString);
	}

	@Test
	void plansOfTheBrowsersStatements() throws Exception {
		int agents = 100;
		int each = Integer.getInteger("plans.accounts", 300_000) / agents;
		new LoadPortfolio(this.creditors, this.imports, this.users, this.work, this.jdbc, this.teams, this.queues)
			.seed(agents, each, 0, this.clock.instant(), "plans-agent-password");
		// a third of the accounts back in the pool
		for (int n = 67; n <= agents; n++) {
			this.work.reassignFrom("agent%03d".formatted(n), null, "benchmark");
		}
		this.users.createIfAbsent(new NewUser("browse-lead", "Browse Lead", "plans-agent-password",
				Set.of(Role.TEAM_LEAD), List.of("en")));
		Teams.TeamView team = this.teams.create("Browsed", "browse-lead");
		for (int n = 1; n <= 10; n++) {
			this.teams.addMember(team.id(), "agent%03d".formatted(n));
		}
		this.queues
			.define(team.id(), "Pooled SMA",
					new QueueFilters(List.of(LoadPortfolio.CREDITOR), List.of("SMA-0", "SMA-1", "SMA-2"), null, null,
							null, null, List.of(), List.of(), List.of(), List.of()),
					QueueSort.DPD_DESC, 1, "benchmark");
		analyze();

		Authentication manager = as("manager", "ROLE_MANAGER");
		Authentication lead = as("browse-lead", "ROLE_TEAM_LEAD");
		AccountBrowser.Criteria everything = AccountBrowser.Criteria.everything();
		AccountBrowser.Criteria sma = new AccountBrowser.Criteria(
				new QueueFilters(List.of(LoadPortfolio.CREDITOR), List.of("SMA-1"), null, null,
						new java.math.BigDecimal("50000"), null, List.of(), List.of(), List.of(), List.of()),
				AccountBrowser.Owned.POOLED, null, null, null);
		Map<String, RecordedStatements.Statement> statements = new LinkedHashMap<>();
		List<String> timings = new ArrayList<>();
		browse(statements, timings, "manager, every active account, most days past due first, page 1", everything,
				BrowseSort.DPD_DESC, 0, manager);
		browse(statements, timings, "manager, every active account, smallest balance first, page 400", everything,
				BrowseSort.BALANCE_ASC, 399, manager);
		browse(statements, timings, "manager, pooled SMA-1 of 50,000 and more", sma, BrowseSort.DPD_DESC, 0, manager);
		browse(statements, timings, "lead of ten agents and a queue, every account in reach", everything,
				BrowseSort.DPD_DESC, 0, lead);
		browse(statements, timings, "lead, pooled SMA-1 of 50,000 and more", sma, BrowseSort.BALANCE_DESC, 0, lead);

		List<String> report = new ArrayList<>(List.of("=== the accounts browser's plans, %,d accounts, %s ==="
			.formatted(agents * each, LocalDate.now(ZoneOffset.UTC))));
		report.addAll(timings);
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (Map.Entry<String, RecordedStatements.Statement> statement : statements.entrySet()) {
				report.add("--- " + statement.getKey());
				report.add(statement.getValue().sql());
				report.addAll(statement.getValue().rerun(connection, "EXPLAIN (ANALYZE, BUFFERS) "));
				connection.rollback();
			}
		}
		String text = String.join(System.lineSeparator(), report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/browse-plans.txt"), text);
	}

	private void browse(Map<String, RecordedStatements.Statement> into, List<String> timings, String name,
			AccountBrowser.Criteria criteria, BrowseSort sort, int page, Authentication reader) {
		// once to warm the caches, once timed
		this.browser.browse(criteria, sort, page, reader);
		long started = System.nanoTime();
		List<RecordedStatements.Statement> recorded = this.recorder
			.during(() -> this.browser.browse(criteria, sort, page, reader));
		timings.add("%s: %.0f ms in all".formatted(name, (System.nanoTime() - started) / 1e6));
		recorded.stream()
			.filter((s) -> s.sql().contains("FROM portfolio_account_facts a") && s.sql().contains(" ORDER BY ")
					|| s.sql().startsWith("SELECT count(*) FROM portfolio_account_facts a"))
			.forEach((s) -> into.put(name + (s.sql().startsWith("SELECT count(*)") ? ": count" : ": page"), s));
	}

	private static Authentication as(String name, String role) {
		return UsernamePasswordAuthenticationToken.authenticated(name, "n/a",
				List.of(new SimpleGrantedAuthority(role)));
	}

	/**
	 * Statistics for the planner, as autovacuum would gather them in time: ANALYZE as the
	 * embedded server's superuser (the application's role may not analyze the tables).
	 */
	private void analyze() throws Exception {
		List<String> pgpass = Files.readAllLines(DATA_DIR.resolve("postgres.pgpass"));
		String password = pgpass.stream()
			.filter((line) -> line.startsWith("*:*:*:postgres:"))
			.map((line) -> line.substring("*:*:*:postgres:".length()))
			.findFirst()
			.orElseThrow();
		String url = this.dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		try (Connection connection = DriverManager.getConnection(url, "postgres", password)) {
			connection.createStatement().execute("ANALYZE");
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class PlansConfiguration {

		/** 11:00 in India on a Thursday. */
		@Bean
		@Primary
		Clock officeHours() {
			return Clock.fixed(NextAccountLoadBenchmark.START, ZoneOffset.UTC);
		}

		@Bean
		static RecordedStatements recordedStatements() {
			return new RecordedStatements();
		}

	}

}
