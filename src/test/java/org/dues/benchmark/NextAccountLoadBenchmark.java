package org.dues.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.gatling.app.Gatling$;
import jakarta.servlet.Filter;
import org.dues.work.NextAccount;
import org.dues.work.WorkOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6's load test: agents (200) asking for their next account and recording an
 * outcome on it, in a loop, against a portfolio of a million accounts (each agent owning
 * 5,000) on the embedded database (fsync on), with Gatling driving the HTTP API of the
 * application started in this JVM. Reports next account's latency apart from the
 * outcome's, beside a trivial authenticated request under the same concurrency measured
 * in the same run, and the server's own time with and without authentication; fails on an
 * error or on an account held by two agents at once. Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=NextAccountLoadBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dues.data-dir=target/benchmark/load-${random.uuid}", "dues.demo=false",
				"dues.admin-password=benchmark", "dues.aging.cron=-", "dues.arrangements.cron=-",
				"logging.level.org.dues=warn", "logging.level.org.dues.portfolio.imports.ImportRun=info",
				"logging.level.io.gatling=warn" })
@Import({ NextAccountLoadBenchmark.LoadConfiguration.class, LoadPortfolio.class })
class NextAccountLoadBenchmark {

	/**
	 * Thursday 26 November 2026, 11:00 in India: every customer is inside contact hours.
	 */
	static final Instant START = Instant.parse("2026-11-26T05:30:00Z");

	static final String PASSWORD = "load-test-agent";

	@LocalServerPort
	int port;

	@Autowired
	LoadPortfolio portfolio;

	@Autowired
	WorkOrder order;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	ServerTimings timings;

	@Autowired
	Clock clock;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Test
	void agentsWorkTheirAccounts() throws Exception {
		int agents = Integer.getInteger("load.agents", 200);
		int accountsEach = Integer.getInteger("load.accounts-each", 5_000);
		int restedEach = Integer.getInteger("load.rested-each", 0);
		boolean pooled = Boolean.getBoolean("load.pooled");
		Duration warmUp = Duration.ofSeconds(Long.getLong("load.warm-up", 20));
		Duration baseline = Duration.ofSeconds(Long.getLong("load.baseline", 30));
		Duration measured = Duration.ofSeconds(Long.getLong("load.duration", 60));
		List<Integer> costs = Arrays.stream(System.getProperty("load.password-costs", "10").split(","))
			.map((c) -> Integer.valueOf(c.strip()))
			.toList();
		// -Dload.shifts=N: each run N times over on the same server and data, one shift
		// after another; a shift's start after the first meets a server warm from the
		// shift before (its JIT, its database's caches), as a shift coming in on a
		// running system does
		int shifts = Integer.getInteger("load.shifts", 1);

		List<String> names = this.portfolio.seed(agents, accountsEach, restedEach, this.clock.instant(), PASSWORD,
				pooled);
		Phones phones = Phones.load(this.dataSource);
		Runtime runtime = Runtime.getRuntime();
		List<String> report = new ArrayList<>(List.of("=== next account under load ===", (pooled
				? ("%d agents, %,d accounts, pooled: one team queue of the SMA-1 and SMA-2 accounts routed by"
						+ " language, its first %,d resting after a call an hour ago,")
					.formatted(agents, phones.size(), restedEach * agents)
				: "%d agents, %,d accounts (%,d each, owned, the first %d of each resting after a call an hour ago),"
					.formatted(agents, phones.size(), accountsEach, restedEach))
				+ " phases: warm-up %d s, baseline %d s, measured %d s, calls %s to %s s, stagger %s s".formatted(
						warmUp.toSeconds(), baseline.toSeconds(), measured.toSeconds(),
						Integer.getInteger("load.call-min", 0), Integer.getInteger("load.call-max", 0),
						Long.getLong("load.stagger", 0)),
				"%d cores, JDK %s, max heap %d MB".formatted(runtime.availableProcessors(), Runtime.version(),
						runtime.maxMemory() >> 20)));
		long errors = 0;
		List<String> violations = new ArrayList<>();
		double[] before = { 0, 0, 0 };
		for (int run = 0; run < costs.size() * shifts; run++) {
			int cost = costs.get(run / shifts);
			int shift = run % shifts + 1;
			// bcrypt takes its cost from the stored hash: a cheaper hash makes every API
			// request's password check cheaper, with the application unchanged
			this.jdbc.sql("UPDATE identity_users SET password_hash = :hash WHERE username LIKE 'agent%'")
				.param("hash", "{bcrypt}" + new BCryptPasswordEncoder(cost).encode(PASSWORD))
				.update();
			this.timings.reset();
			this.timings.agents(agents);
			this.timings.burst()
				.postmaster(ProcessHandle.of(this.jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single())
					.flatMap(ProcessHandle::parent)
					.map(ProcessHandle::pid)
					.orElse(0L));
			Handovers handovers = new Handovers();
			GatlingReport client;
			WaitSampler waits = new WaitSampler(this.dataSource.unwrap(HikariDataSource.class), this.timings.burst());
			try (waits) {
				client = runGatling(new LoadRun("http://127.0.0.1:" + this.port, names, PASSWORD, warmUp, baseline,
						measured, phones, handovers, this.timings), "password cost " + cost);
			}
			handovers.finish();
			List<String> strangers = handedToOthers(handovers);
			String title = "%spassword cost %d%s, Gatling report %s"
				.formatted(
						(shifts > 1) ? "shift %d of %d%s, ".formatted(shift, shifts,
								(shift == 1) ? " (the server started for it)"
										: " (the server warm from the shift before)")
								: "",
						cost,
						(cost == 10) ? " (bcrypt's default, as the application hashes)"
								: " (a cheaper hash: what the run would be if checking an API password cost little)",
						client.folder().getFileName());
			report.addAll(new LoadReport(title, client, this.timings, handovers, strangers.size()).lines());
			report.add(waits.summary());
			report.add(this.timings.burst().summary());
			double[] now = { prepared("taken"), prepared("let-go"), prepared("none") };
			report.add("asks (all phases) by their prepared account: taken %.0f, let go %.0f, none prepared %.0f"
				.formatted(now[0] - before[0], now[1] - before[1], now[2] - before[2]));
			before = now;
			errors += client.rows().values().stream().mapToLong(GatlingReport.Row::ko).sum();
			violations.addAll(handovers.overlaps());
			violations.addAll(strangers);
		}
		long refreshStarted = System.nanoTime();
		int refreshed = this.order.refresh();
		report.add("WorkOrder's pass over %,d assignments after the runs: %d ms, %,d brought up to date"
			.formatted(phones.size(), (System.nanoTime() - refreshStarted) / 1_000_000, refreshed));
		report.add("NextAccount's own-accounts step for one agent, EXPLAIN ANALYZE after the runs,"
				+ " walking the agent's own list (work_assignments_order_idx):");
		report.add(candidatePlan(names.get(0), "w.days_past_due DESC, w.balance DESC, w.account_id"));
		String text = String.join(System.lineSeparator(), report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/next-account-load.txt"), text);
		assertThat(violations).as("accounts held by two agents at once, or handed to an agent not owning them")
			.isEmpty();
		assertThat(errors).as("failed requests").isZero();
	}

	private GatlingReport runGatling(LoadRun run, String description) throws Exception {
		LoadRun.set(run);
		Path results = Path.of("target/benchmark/gatling").toAbsolutePath();
		Files.createDirectories(results);
		int exit = Gatling$.MODULE$.fromArgs(new String[] { "--simulation", AgentSimulation.class.getName(),
				"--results-folder", results.toString(), "--run-description", description });
		if (exit != 0) {
			throw new IllegalStateException("Gatling ended with status " + exit);
		}
		return GatlingReport.newest(results);
	}

	/** Asks so far whose prepared account had that outcome. */
	private double prepared(String outcome) {
		io.micrometer.core.instrument.Counter counter = this.meters.find("dues.desk.next.prepared")
			.tag("outcome", outcome)
			.counter();
		return (counter == null) ? 0 : counter.count();
	}

	/** Handovers of an account another agent owns (every account is owned here). */
	private List<String> handedToOthers(Handovers handovers) {
		Map<UUID, String> owners = new HashMap<>();
		this.jdbc.sql("SELECT account_id, agent FROM work_assignments WHERE account_id = ANY(:ids)")
			.param("ids", handovers.accounts().toArray(UUID[]::new))
			.query((rs) -> {
				owners.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
		List<String> wrong = new ArrayList<>();
		for (Handovers.Held held : handovers.all()) {
			String owner = owners.get(held.account());
			if (owner != null && !owner.equals(held.agent())) {
				wrong.add("%s owned by %s handed to %s".formatted(held.account(), owner, held.agent()));
			}
		}
		return wrong;
	}

	/**
	 * NextAccount's own-accounts step (a copy of its query) for one agent in the given
	 * order, under EXPLAIN ANALYZE.
	 */
	private String candidatePlan(String agent, String order) {
		return String.join(System.lineSeparator(),
				this.jdbc.sql("""
								EXPLAIN (ANALYZE, BUFFERS)
						SELECT a.id
						FROM work_assignments w JOIN portfolio_account_facts a ON a.id = w.account_id
						JOIN portfolio_creditor_facts c ON c.id = a.creditor_id
						WHERE w.agent = :agent AND a.status = 'ACTIVE' AND (c.country <> 'IN' OR true)
						  AND NOT EXISTS (SELECT 1 FROM work_locks l WHERE l.account_id = a.id AND l.expires_at > :now)
						  AND NOT EXISTS (SELECT 1 FROM arrangement_facts r WHERE r.account_id = a.id
						      AND r.open AND r.kind IN ('PROMISE', 'PLAN', 'SETTLEMENT'))
						  AND NOT EXISTS (SELECT 1 FROM work_followups fw WHERE fw.account_id = a.id
						      AND fw.done_at IS NULL AND fw.due_at > :now)
						  AND NOT EXISTS (SELECT 1 FROM work_dispositions d WHERE d.account_id = a.id
						      AND d.recorded_at > CAST(:now AS timestamptz) - interval '4 hours')
						  AND a.id <> ALL(:skip)
						ORDER BY %s
						LIMIT 1 FOR NO KEY UPDATE OF a SKIP LOCKED""".formatted(order))
					.param("now", Timestamp.from(this.clock.instant()))
					.param("agent", agent)
					.param("skip", new UUID[] { new UUID(0, 0) })
					.query(String.class)
					.list());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class LoadConfiguration {

		/** Time runs from 11:00 in India on a Thursday, so the gate lets agents call. */
		@Bean
		@Primary
		Clock officeHours() {
			return Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), START));
		}

		@Bean
		ServerTimings serverTimings() {
			return new ServerTimings();
		}

		@Bean
		FilterRegistrationBean<Filter> timingWhole(ServerTimings timings) {
			return timings.whole();
		}

		@Bean
		FilterRegistrationBean<Filter> timingAfterAuthentication(ServerTimings timings) {
			return timings.afterAuthentication();
		}

	}

}
