package org.dues.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.dues.MutableClock;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.contact.ContactLog;
import org.dues.contact.OutboundContacts;
import org.dues.messaging.Dispatcher;
import org.dues.messaging.MessagePurpose;
import org.dues.messaging.Messages;
import org.dues.messaging.NewMessage;
import org.dues.messaging.provider.ProviderReports;
import org.dues.portfolio.AccountId;
import org.dues.system.DuesProperties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19's two speed figures. (a) A reminder queued on each of 100,000 accounts, every
 * one decided by the compliance gate (the decision recorded) and handed to the simulated
 * provider by {@link Dispatcher#dispatchDue(int)} until nothing is due: messages a
 * second, against 2,000 wanted. (b) With 100,000 messages queued, an inbound STOP as a
 * provider's webhook reports it ({@link ProviderReports#inbound}) for 200 different
 * people, each with messages queued: the time until every message queued to that number
 * is cancelled and the gate sees SMS banned, p50 and p99 against 1 s wanted. The
 * background dispatch is off and the simulated provider's delivery reports come an hour
 * later, so neither runs during the measurements. Not part of {@code ./mvnw verify}:
 * {@code ./mvnw -Pbenchmark test -Dtest=MessagingBenchmark -Dmessaging.accounts=100000}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.data-dir=target/benchmark/messaging-${random.uuid}", "dues.demo=false",
		"dues.admin-password=benchmark", "dues.aging.cron=-", "dues.arrangements.cron=-", "dues.work.order-cron=-",
		"dues.messaging.dispatch-enabled=false", "dues.messaging.reminders-cron=-", "dues.messaging.simulated.delay=1h",
		"dues.messaging.simulated.failure-share=0", "logging.level.org.dues=warn",
		"logging.level.org.dues.portfolio.imports.ImportRun=info" })
@Import({ MessagingBenchmark.Config.class, LoadPortfolio.class, RecordedStatements.class })
class MessagingBenchmark {

	/** Thursday 26 November 2026, 12:00 in India: SMS may go. */
	static final Instant NOW = Instant.parse("2026-11-26T06:30:00Z");

	static final String ACTOR = "system";

	@Autowired
	LoadPortfolio portfolio;

	@Autowired
	Messages messages;

	@Autowired
	Dispatcher dispatcher;

	@Autowired
	ProviderReports reports;

	@Autowired
	ContactLog contacts;

	@Autowired
	OutboundContacts outbound;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	DuesProperties properties;

	@Autowired
	DataSource dataSource;

	@Autowired
	RecordedStatements recorder;

	@Test
	void dispatchAndStop() throws Exception {
		int accounts = Integer.getInteger("messaging.accounts", 100_000);
		int singly = Integer.getInteger("messaging.queued-singly", 1_000);
		int batch = Integer.getInteger("messaging.batch", 2_000);
		int runs = Integer.getInteger("messaging.runs", 1);
		int queued = Integer.getInteger("messaging.queued", 100_000);
		int stops = Integer.getInteger("messaging.stops", 200);
		int most = Integer.getInteger("messaging.dispatched", Integer.MAX_VALUE);
		int baseline = Integer.getInteger("messaging.dispatched-singly", 1_000);
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		List<String> report = new ArrayList<>(List.of("=== messaging ===",
				"%d cores, JDK %s, max heap %d MB, load average at start %.2f".formatted(
						Runtime.getRuntime().availableProcessors(), Runtime.version(),
						Runtime.getRuntime().maxMemory() >> 20, load())));
		this.clock.set(NOW.minus(Duration.ofDays(1)));
		this.portfolio.place(accounts);
		this.jdbc.sql("VACUUM ANALYZE").update();

		// (a) a reminder on every account, the day after the placement, dispatched
		List<Double> rates = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			// each run a day later, so no run's messages count against another's
			this.clock.set(NOW.plus(Duration.ofDays(run)));
			UUID bulk = UUID.randomUUID();
			long started = System.nanoTime();
			int one = queueSingly(singly, bulk);
			double singlyS = (System.nanoTime() - started) / 1e9;
			started = System.nanoTime();
			int rest = queueSetBased(bulk, this.clock.instant(), 1);
			report
				.add("run %d: queued %,d through Messages.queue in %.1f s (%.0f a second), %,d more set-based in %.1f s"
					.formatted(run + 1, one, singlyS, one / singlyS, rest, (System.nanoTime() - started) / 1e9));
			this.jdbc.sql("VACUUM ANALYZE messaging_messages").update();
			long decisionsBefore = count("SELECT count(*) FROM compliance_decisions");
			double[] cpu = cpuSeconds();
			double loadBefore = load();
			if (run == 0) {
				report.addAll(statementsOfOne());
			}
			// the baseline, in the same run: the first messages one at a time, each a
			// batch
			// of one (Dispatcher.dispatch), as the desk sends
			List<UUID> firstDue = this.jdbc.sql("""
					SELECT id FROM messaging_messages WHERE status = 'QUEUED' AND next_attempt_at <= :now
					ORDER BY next_attempt_at LIMIT :n""")
				.param("now", Timestamp.from(this.clock.instant()))
				.param("n", baseline)
				.query(UUID.class)
				.list();
			double[] cpuSingly = cpuSeconds();
			started = System.nanoTime();
			for (UUID id : firstDue) {
				this.dispatcher.dispatch(id);
			}
			double singlySeconds = (System.nanoTime() - started) / 1e9;
			double[] usedSingly = cpuSeconds();
			report.add(("run %d: baseline, %,d dispatched one at a time (Dispatcher.dispatch, a batch of one) in "
					+ "%.1f s: %.0f messages a second; CPU %.2f ms in Java, %.2f ms in PostgreSQL a message")
				.formatted(run + 1, firstDue.size(), singlySeconds, firstDue.size() / singlySeconds,
						(usedSingly[0] - cpuSingly[0]) * 1e3 / Math.max(1, firstDue.size()),
						(usedSingly[1] - cpuSingly[1]) * 1e3 / Math.max(1, firstDue.size())));
			cpu = cpuSeconds();
			int taken = 0;
			started = System.nanoTime();
			try (WaitSampler waits = new WaitSampler(pool)) {
				for (int n; taken < most && (n = this.dispatcher.dispatchDue(Math.min(batch, most - taken))) > 0;) {
					taken += n;
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				double[] used = cpuSeconds();
				waits.close();
				rates.add(taken / seconds);
				Map<String, Long> outcomes = this.jdbc
					.sql("SELECT status, count(*) FROM messaging_messages WHERE bulk_id = :b GROUP BY status")
					.param("b", bulk)
					.query((rs) -> {
						Map<String, Long> m = new java.util.TreeMap<>();
						while (rs.next()) {
							m.put(rs.getString(1), rs.getLong(2));
						}
						return m;
					});
				long decisions = count("SELECT count(*) FROM compliance_decisions") - decisionsBefore;
				long decided = this.jdbc.sql("""
						SELECT count(*) FROM messaging_messages m JOIN compliance_decisions d ON d.id = m.decision_id
						WHERE m.bulk_id = :b""").param("b", bulk).query(Long.class).single();
				long handed = outcomes.getOrDefault("SENT", 0L);
				long handedDecided = this.jdbc.sql("""
						SELECT count(*) FROM messaging_messages m JOIN compliance_decisions d ON d.id = m.decision_id
						WHERE m.bulk_id = :b AND m.status = 'SENT' AND d.outcome = 'ALLOWED'""")
					.param("b", bulk)
					.query(Long.class)
					.single();
				report.add(("run %d: dispatched %,d in batches in %.1f s: %.0f messages a second (dispatchDue(%d)); "
						+ "with the baseline's, outcomes %s; gate decisions recorded %,d, messages with their "
						+ "decision %,d, handed over %,d of which with an ALLOWED decision %,d; CPU %.2f ms in Java, "
						+ "%.2f ms in PostgreSQL a message; load average %.2f before, %.2f after")
					.formatted(run + 1, taken, seconds, taken / seconds, batch, outcomes, decisions, decided, handed,
							handedDecided, (used[0] - cpu[0]) * 1e3 / Math.max(1, taken),
							(used[1] - cpu[1]) * 1e3 / Math.max(1, taken), loadBefore, load()));
				report.add("run %d: %s".formatted(run + 1, waits.summary()));
				assertThat(decisions).isEqualTo(decided);
				assertThat(handedDecided).isEqualTo(handed);
				assertThat(outcomes.getOrDefault("QUEUED", 0L) + outcomes.getOrDefault("SENT", 0L)
						+ outcomes.getOrDefault("BLOCKED", 0L))
					.isEqualTo(one + rest);
			}
			// what a capped run left is not dispatched later
			this.jdbc.sql("UPDATE messaging_messages SET status = 'CANCELLED' WHERE status = 'QUEUED'").update();
		}
		double[] sorted = rates.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		report.add("dispatch: median %.0f messages a second over %d runs %s (wanted: 2,000)".formatted(
				sorted[sorted.length / 2], runs, Arrays.toString(rates.stream().map((r) -> Math.round(r)).toArray())));
		report.addAll(whereTheTimeGoes(Math.min(500, accounts)));

		// (b) messages queued for tomorrow on every account (up to the size wanted), two
		// more each to the people who will reply STOP
		this.clock.set(NOW.plus(Duration.ofDays(runs)));
		UUID waiting = UUID.randomUUID();
		Instant tomorrow = this.clock.instant().plus(Duration.ofDays(1));
		int copies = Math.max(1, (int) Math.ceil(queued / (double) accounts));
		queueSetBased(waiting, tomorrow, copies);
		long filled = count("SELECT count(*) FROM messaging_messages WHERE bulk_id = '" + waiting + "'");
		List<Object[]> stoppers = this.jdbc.sql("""
				SELECT address, min(account_id::text) FROM messaging_messages
				WHERE bulk_id = :b AND status = 'QUEUED' GROUP BY address ORDER BY md5(address) LIMIT :n""")
			.param("b", waiting)
			.param("n", stops)
			.query((rs, n) -> new Object[] { rs.getString(1), UUID.fromString(rs.getString(2)) })
			.list();
		String[] numbers = stoppers.stream().map((s) -> (String) s[0]).toArray(String[]::new);
		int extra = this.jdbc
			.sql("""
					INSERT INTO messaging_messages (id, account_id, customer_id, creditor_id, channel, purpose, template_id,
					    template_version, language, address, subject, body, parameters, status, next_attempt_at, bulk_id,
					    created_at, created_by, updated_at)
					SELECT gen_random_uuid(), account_id, customer_id, creditor_id, channel, purpose, template_id,
					    template_version, language, address, subject, body, parameters, 'QUEUED', next_attempt_at + k * interval '1 day',
					    bulk_id, created_at, created_by, updated_at
					FROM messaging_messages CROSS JOIN generate_series(1, 2) AS k
					WHERE bulk_id = :b AND address = ANY(:numbers)""")
			.param("b", waiting)
			.param("numbers", numbers)
			.update();
		this.jdbc.sql("VACUUM ANALYZE messaging_messages").update();
		long inQueue = count("SELECT count(*) FROM messaging_messages WHERE status = 'QUEUED'");
		report.add("stop: %,d messages queued (%,d for tomorrow, %,d more to the %d numbers that reply STOP)"
			.formatted(inQueue, filled, extra, stoppers.size()));
		List<Double> received = new ArrayList<>();
		List<Double> visible = new ArrayList<>();
		long cancelled = 0;
		double loadBefore = load();
		int event = 0;
		for (Object[] stopper : stoppers) {
			String phone = (String) stopper[0];
			AccountId account = new AccountId((UUID) stopper[1]);
			long before = count("SELECT count(*) FROM messaging_messages WHERE status = 'QUEUED' AND address = '"
					+ phone.replace("'", "") + "' AND channel = 'SMS'");
			long started = System.nanoTime();
			boolean first = this.reports.inbound("simulated", "bench-stop-" + event++, Channel.SMS, phone, null,
					"STOP");
			long done = System.nanoTime();
			ContactGate.Preview gate = this.contacts.check(new ContactGate.Request(account, Set.of(), Channel.SMS,
					phone, PersonRole.CONSUMER, MessagePurpose.REMINDER.gatePurpose()));
			long seen = System.nanoTime();
			assertThat(first).isTrue();
			assertThat(gate.decision().allowed()).as("SMS to %s after STOP", phone).isFalse();
			long left = count("SELECT count(*) FROM messaging_messages WHERE status = 'QUEUED' AND address = '"
					+ phone.replace("'", "") + "' AND channel = 'SMS'");
			assertThat(left).isZero();
			cancelled += before;
			received.add((done - started) / 1e6);
			visible.add((seen - started) / 1e6);
		}
		report.add("stop: %d STOPs, %,d queued messages cancelled (%.1f each); load average %.2f before, %.2f after"
			.formatted(stoppers.size(), cancelled, cancelled / (double) stoppers.size(), loadBefore, load()));
		report.add("stop: inbound STOP until committed (messages cancelled, number banned): %s"
			.formatted(percentiles(received)));
		report.add("stop: the same until the gate's check shows SMS blocked: %s (wanted: p99 <= 1,000 ms)"
			.formatted(percentiles(visible)));
		assertThat(count(
				"SELECT count(*) FROM messaging_messages WHERE status = 'CANCELLED' AND bulk_id = '" + waiting + "'"))
			.isEqualTo(cancelled);

		String text = String.join(System.lineSeparator(), report);
		System.out.println(text);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/messaging.txt"), text);
	}

	/**
	 * Queues a reminder through {@link Messages#queue} on the first accounts, as the
	 * reminder job would: rendered in the customer's language, addressed to the number
	 * the gate allows.
	 */
	private int queueSingly(int most, UUID bulk) {
		List<UUID> accounts = this.jdbc.sql("SELECT id FROM portfolio_accounts ORDER BY account_ref LIMIT :n")
			.param("n", most)
			.query(UUID.class)
			.list();
		for (UUID account : accounts) {
			this.messages.queue(
					new NewMessage(new AccountId(account), Channel.SMS, "reminder", null, null, null, null, bulk, null),
					ACTOR);
		}
		return accounts.size();
	}

	/**
	 * Queues {@code copies} reminders on every account without one in the bulk yet, set
	 * based: the text of a message queued through {@link Messages#queue} in the
	 * customer's language (else any), to the customer's first usable phone.
	 */
	private int queueSetBased(UUID bulk, Instant at, int copies) {
		UUID from = bulk;
		if (count("SELECT count(*) FROM messaging_messages WHERE bulk_id = '" + from + "'") == 0) {
			// a few rendered through the application to copy from
			List<UUID> some = this.jdbc.sql("""
					SELECT DISTINCT ON (c.language) a.id FROM portfolio_accounts a
					JOIN customer_customers c ON c.id = a.customer_id ORDER BY c.language, a.id""")
				.query(UUID.class)
				.list();
			for (UUID account : some) {
				this.messages.queue(new NewMessage(new AccountId(account), Channel.SMS, "reminder", null, null, at,
						null, from, null), ACTOR);
			}
		}
		return this.jdbc.sql("""
				WITH samples AS MATERIALIZED (SELECT DISTINCT ON (language) purpose, template_id, template_version,
				    language, body, parameters FROM messaging_messages WHERE bulk_id = :from ORDER BY language, id)
				INSERT INTO messaging_messages (id, account_id, customer_id, creditor_id, channel, purpose, template_id,
				    template_version, language, address, subject, body, parameters, status, next_attempt_at, bulk_id,
				    created_at, created_by, updated_at)
				SELECT gen_random_uuid(), a.id, a.customer_id, a.creditor_id, 'SMS', s.purpose, s.template_id,
				    s.template_version, s.language, p.e164, NULL, s.body, s.parameters, 'QUEUED',
				    CAST(:at AS timestamptz) + (k - 1) * interval '1 hour', :bulk, :now, :actor, :now
				FROM portfolio_accounts a JOIN customer_customers c ON c.id = a.customer_id
				CROSS JOIN LATERAL (SELECT e164 FROM customer_phones WHERE customer_id = a.customer_id
				    AND NOT wrong_number ORDER BY position LIMIT 1) p
				CROSS JOIN LATERAL (SELECT * FROM samples
				    ORDER BY language = coalesce(c.language, 'en') DESC, language = 'en' DESC LIMIT 1) s
				CROSS JOIN generate_series(1, :copies) AS k
				WHERE a.id NOT IN (SELECT account_id FROM messaging_messages WHERE bulk_id = :bulk)""")
			.param("at", Timestamp.from(at))
			.param("bulk", bulk)
			.param("from", from)
			.param("copies", copies)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("actor", ACTOR)
			.update();
	}

	/**
	 * Where a message's time goes, each part timed alone on {@code n} accounts, every
	 * write rolled back: the gate's read (its preview), the gate's decision recorded with
	 * the contact's attempt as the dispatcher's first transaction makes it, and the
	 * simulated provider's hand-over is all but free (a scheduled report).
	 */
	private List<String> whereTheTimeGoes(int n) {
		List<Object[]> sample = this.jdbc.sql("""
				SELECT account_id, address, body FROM messaging_messages WHERE status = 'SENT'
				ORDER BY id LIMIT :n""")
			.param("n", n)
			.query((rs,
					i) -> new Object[] { new AccountId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3) })
			.list();
		this.clock.set(this.clock.instant().plus(Duration.ofMinutes(1)));
		long started = System.nanoTime();
		for (Object[] s : sample) {
			this.contacts.check(request(s));
		}
		double preview = (System.nanoTime() - started) / 1e6 / sample.size();
		started = System.nanoTime();
		for (Object[] s : sample) {
			this.transactions.executeWithoutResult((tx) -> {
				this.outbound.clear(request(s), (String) s[2], ACTOR);
				tx.setRollbackOnly();
			});
		}
		double clear = (System.nanoTime() - started) / 1e6 / sample.size();
		started = System.nanoTime();
		for (int i = 0; i < sample.size(); i++) {
			this.jdbc.sql("SELECT 1").query(Integer.class).single();
		}
		double roundTrip = (System.nanoTime() - started) / 1e6 / sample.size();
		return List
			.of("where the time goes, per message over %d accounts (writes rolled back): gate preview (read only) %.2f ms, gate decision recorded with the attempt (OutboundContacts.clear, one transaction) %.2f ms, a database round trip (SELECT 1) %.3f ms"
				.formatted(sample.size(), preview, clear, roundTrip));
	}

	/**
	 * The statements the dispatcher runs for one message, recorded as it dispatches the
	 * first due one (not timed).
	 */
	private List<String> statementsOfOne() {
		UUID first = this.jdbc.sql("""
				SELECT id FROM messaging_messages WHERE status = 'QUEUED' AND next_attempt_at <= :now
				ORDER BY next_attempt_at LIMIT 1""")
			.param("now", Timestamp.from(this.clock.instant()))
			.query(UUID.class)
			.single();
		List<RecordedStatements.Statement> statements = this.recorder.during(() -> this.dispatcher.dispatch(first));
		Map<String, Long> tables = new java.util.TreeMap<>();
		for (RecordedStatements.Statement statement : statements) {
			String sql = statement.sql().strip().replaceAll("\\s+", " ");
			String verb = sql.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
			java.util.regex.Matcher table = java.util.regex.Pattern.compile("(?i)(?:from|into|update)\\s+([a-z_]+)")
				.matcher(sql);
			tables.merge(verb + " " + (table.find() ? table.group(1) : "?"), 1L, Long::sum);
		}
		return List.of("one message dispatched runs %d prepared statements: %s".formatted(statements.size(), tables));
	}

	private static ContactGate.Request request(Object[] sample) {
		return new ContactGate.Request((AccountId) sample[0], Set.of(), Channel.SMS, (String) sample[1],
				PersonRole.CONSUMER, MessagePurpose.REMINDER.gatePurpose());
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static String percentiles(List<Double> ms) {
		double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(at(sorted, 0.5), at(sorted, 0.9),
				at(sorted, 0.99), sorted[sorted.length - 1]);
	}

	private static double at(double[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	private static double load() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	/** CPU seconds used so far by this JVM and by the embedded PostgreSQL. */
	private double[] cpuSeconds() throws Exception {
		long postmaster = Long
			.parseLong(Files.readAllLines(this.properties.dataDir().resolve("postgres/postmaster.pid")).get(0).strip());
		ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
		long database = Stream.concat(Stream.of(server), server.descendants())
			.mapToLong((p) -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
			.sum();
		long java = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		return new double[] { java / 1e9, database / 1e9 };
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
