package org.dues.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import org.dues.work.NextAccount;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's cost of one hand-out, one request at a time (no queue): agents ask for
 * their next account over the HTTP API and record a no-answer on it, in turn, on a small
 * portfolio ({@code cost.agents} agents of {@code cost.accounts-each} accounts, 20 ×
 * 2,000 by default, the first 100 of each resting). Reports the server's time per request
 * (whole and after authentication), the time of {@link NextAccount#next} called directly,
 * and the statements one hand-out runs, each with its time. What the simultaneous start
 * of {@link NextAccountLoadBenchmark} queues on is this cost times the burst. Each
 * agent's next account is prepared in the background after a hand-out; with
 * {@code -Dcost.prepared=true} (the default) an agent's ask waits until theirs is (as a
 * call of 20 s or more gives it time to be), so the asks measure the hand-out of a
 * prepared account, and the CPU per request counts the preparation's share too; with
 * {@code false} they ask at once, mostly before it is. Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=NextAccountCostBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dues.data-dir=target/benchmark/cost-${random.uuid}", "dues.demo=false",
				"dues.admin-password=benchmark", "dues.aging.cron=-", "dues.arrangements.cron=-",
				"logging.level.org.dues=warn", "logging.level.org.flywaydb=warn" })
@Import({ NextAccountCostBenchmark.CostConfiguration.class, LoadPortfolio.class })
class NextAccountCostBenchmark {

	private static final Pattern ACCOUNT = Pattern.compile("\"accountId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	@LocalServerPort
	int port;

	@Autowired
	LoadPortfolio portfolio;

	@Autowired
	NextAccount next;

	@Autowired
	DataSource dataSource;

	@Autowired
	ServerTimings timings;

	@Autowired
	RecordedStatements recorder;

	@Autowired
	Clock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final HttpClient http = HttpClient.newHttpClient();

	private final boolean waitForPrepared = Boolean.parseBoolean(System.getProperty("cost.prepared", "true"));

	@Test
	void costOfOneHandOut() throws Exception {
		int agents = Integer.getInteger("cost.agents", 20);
		int each = Integer.getInteger("cost.accounts-each", 2_000);
		int rounds = Integer.getInteger("cost.rounds", 30);
		List<String> names = this.portfolio.seed(agents, each, 100, this.clock.instant(),
				NextAccountLoadBenchmark.PASSWORD);
		Phones phones = Phones.load(this.dataSource);
		List<String> report = new ArrayList<>(List.of("=== the cost of one hand-out, %s, %d agents × %,d accounts ==="
			.formatted(LocalDate.now(ZoneOffset.UTC), agents, each)));

		// warm up: every agent a few turns, then measured turns
		turns(names, phones, 5);
		this.timings.reset();
		this.timings.enter(AgentActions.MEASURED);
		long started = System.nanoTime();
		int handed = turns(names, phones, rounds);
		double seconds = (System.nanoTime() - started) / 1e9;
		report.add("%d turns (next account + outcome) one at a time in %.1f s".formatted(handed, seconds));
		this.timings.all().forEach((endpoint, t) -> {
			Latencies.Summary whole = t.whole().summary();
			Latencies.Summary inner = t.afterAuthentication().summary();
			report.add("  %-16s server p50 %.2f ms, p90 %.2f, p99 %.2f (after authentication p50 %.2f, p90 %.2f), n=%d"
				.formatted(endpoint.name(), whole.ms(50), whole.ms(90), whole.ms(99), inner.ms(50), inner.ms(90),
						whole.count()));
		});

		// CPU per request, the application's JVM and the database's processes apart: asks
		// alone (each lets the last account go), then whole turns
		for (boolean withOutcome : new boolean[] { false, true }) {
			long[] before = cpu();
			int requests = 0;
			for (int r = 0; r < 10; r++) {
				for (String agent : names) {
					String account = ask(agent);
					requests++;
					if (withOutcome && account != null) {
						record(agent, account, phones);
						requests++;
					}
				}
			}
			long[] after = cpu();
			report.add(
					"%s: CPU per request %.2f ms in the JVM (the client's thread included), %.2f ms in PostgreSQL, n=%d"
						.formatted(withOutcome ? "next account + outcome" : "next account alone",
								(after[0] - before[0]) / 1e6 / requests, (after[1] - before[1]) / 1e6 / requests,
								requests));
		}

		// the service alone, no HTTP
		Latencies direct = new Latencies();
		for (int r = 0; r < 5; r++) {
			for (String agent : names) {
				if (this.waitForPrepared) {
					awaitPrepared(agent);
				}
				long t0 = System.nanoTime();
				this.next.next(agent);
				direct.add(System.nanoTime() - t0);
			}
		}
		Latencies.Summary d = direct.summary();
		report.add("NextAccount.next called directly: p50 %.2f ms, p90 %.2f, n=%d".formatted(d.ms(50), d.ms(90),
				d.count()));

		// the statements of one hand-out and of one outcome, over HTTP
		for (int sample = 0; sample < 2; sample++) {
			String agent = names.get(sample);
			String[] account = new String[1];
			if (this.waitForPrepared) {
				// the background's preparations for the others done, so that only the
				// ask's
				// statements are recorded
				names.forEach(this::awaitPrepared);
				sleep(3_000);
			}
			List<RecordedStatements.Statement> asked = this.recorder.during(() -> account[0] = send(agent));
			statements(report, "next account (%s)".formatted(agent), asked);
			assertThat(account[0]).isNotNull();
			List<RecordedStatements.Statement> recorded = this.recorder.during(() -> record(agent, account[0], phones));
			statements(report, "record outcome (%s)".formatted(agent), recorded);
		}
		report.add("asks waited for the agent's prepared account: " + this.waitForPrepared);
		PlansConfiguration.write(report, "next-account-cost.txt");
	}

	/**
	 * CPU time so far, nanoseconds: this JVM's, and the embedded PostgreSQL's processes'.
	 */
	private long[] cpu() throws Exception {
		long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
		// the postmaster: the parent of a backend serving this application
		long backend = this.jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
		String own = Files.readString(Path.of("/proc", Long.toString(backend), "stat"));
		long postmaster = Long.parseLong(own.substring(own.lastIndexOf(')') + 2).split(" ")[1]);
		long ticks = 0;
		List<Long> pids = new ArrayList<>(List.of(postmaster));
		ProcessHandle.of(postmaster).ifPresent((p) -> p.descendants().forEach((d) -> pids.add(d.pid())));
		for (long pid : pids) {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
				ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
			}
			catch (java.io.IOException ex) {
				// gone
			}
		}
		return new long[] { jvm, ticks * 10_000_000L };
	}

	private static void statements(List<String> report, String title, List<RecordedStatements.Statement> all) {
		long total = all.stream().mapToLong(RecordedStatements.Statement::nanos).sum();
		report.add("--- %s: %d statements, %.2f ms in them".formatted(title, all.size(), total / 1e6));
		Map<String, long[]> by = new LinkedHashMap<>();
		for (RecordedStatements.Statement s : all) {
			String key = s.sql().replaceAll("\\s+", " ").strip();
			key = key.substring(0, Math.min(150, key.length()));
			long[] v = by.computeIfAbsent(key, (k) -> new long[2]);
			v[0]++;
			v[1] += s.nanos();
		}
		by.entrySet()
			.stream()
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
			.forEach((e) -> report
				.add("  %2d × %6.2f ms  %s".formatted(e.getValue()[0], e.getValue()[1] / 1e6, e.getKey())));
	}

	private int turns(List<String> names, Phones phones, int rounds) {
		int handed = 0;
		for (int r = 0; r < rounds; r++) {
			for (String agent : names) {
				String account = ask(agent);
				if (account != null) {
					record(agent, account, phones);
					handed++;
				}
			}
		}
		return handed;
	}

	private String ask(String agent) {
		if (this.waitForPrepared) {
			awaitPrepared(agent);
		}
		return send(agent);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String send(String agent) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/work/next")).GET(), agent);
		assertThat(response.statusCode()).as(response.body()).isIn(200, 204);
		Matcher m = ACCOUNT.matcher(response.body());
		if (m.find()) {
			this.handedBefore.add(agent);
			return m.group(1);
		}
		return null;
	}

	/**
	 * Waits (at most 5 s) until the agent's next account is prepared, when it is being
	 * prepared (after a hand-out).
	 */
	private void awaitPrepared(String agent) {
		long until = System.nanoTime() + 5_000_000_000L;
		while (System.nanoTime() < until
				&& !this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM work_locks WHERE agent = :agent AND prepared)")
					.param("agent", agent)
					.query(Boolean.class)
					.single()) {
			if (!this.handedBefore.contains(agent)) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private final java.util.Set<String> handedBefore = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private void record(String agent, String account, Phones phones) {
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(uri("/api/v1/accounts/" + account + "/dispositions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"result\": \"NO_ANSWER\", \"number\": \"%s\"}".formatted(phones.of(UUID.fromString(account))))),
				agent);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private HttpResponse<String> send(HttpRequest.Builder request, String agent) {
		String basic = Base64.getEncoder()
			.encodeToString((agent + ":" + NextAccountLoadBenchmark.PASSWORD).getBytes(StandardCharsets.UTF_8));
		try {
			return this.http.send(request.header("Authorization", "Basic " + basic).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CostConfiguration {

		@Bean
		@Primary
		Clock officeHours() {
			return Clock.offset(Clock.systemUTC(),
					Duration.between(Clock.systemUTC().instant(), NextAccountLoadBenchmark.START));
		}

		@Bean
		static RecordedStatements recordedStatements() {
			return new RecordedStatements();
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
