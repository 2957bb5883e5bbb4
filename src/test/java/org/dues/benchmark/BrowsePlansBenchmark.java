package org.dues.benchmark;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.dues.identity.Teams;
import org.dues.work.AccountBrowser;
import org.dues.work.BrowseSort;
import org.dues.work.QueueFilters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
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
@Import(PlansConfiguration.class)
class BrowsePlansBenchmark {

	static final Path DATA_DIR = Path.of("target/benchmark/browse-" + UUID.randomUUID());

	@Autowired
	LoadPortfolio portfolio;

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
		List<String> names = this.portfolio.seed(agents, each, 0, this.clock.instant(), "plans-agent-password");
		// a third of the accounts back in the pool
		this.portfolio.toPool(names.subList(66, agents), "benchmark");
		Teams.TeamView team = this.portfolio.team("Browsed",
				this.portfolio.lead("browse-lead", "Browse Lead", "plans-agent-password"), names.subList(0, 10));
		this.portfolio.queue(team, "Pooled SMA", new QueueFilters(List.of(LoadPortfolio.CREDITOR),
				List.of("SMA-0", "SMA-1", "SMA-2"), null, null, null, null, List.of(), List.of(), List.of(), List.of()),
				1, "benchmark");
		PlansConfiguration.analyze(this.dataSource, DATA_DIR);

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
		PlansConfiguration.write(report, "browse-plans.txt");
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

}
