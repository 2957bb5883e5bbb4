package org.dues.contact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

import java.util.Set;
import java.util.function.Supplier;

import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.portfolio.AccountView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The live gate end to end on the embedded database (fsync on): a customer with a year of
 * interactions in the contact log; the time to read the facts and decide (a preview, as
 * the account page and the queues ask), and to decide and record (an attempt: decision,
 * audit record in the hash chain, interaction), beside a bare database round trip
 * measured in the same run. Run it with
 * {@code ./mvnw -Pbenchmark test -Dtest=LiveGateBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(properties = { "dues.data-dir=target/benchmark/gate-${random.uuid}", "dues.demo=false",
		"dues.admin-password=benchmark", "dues.aging.cron=-", "logging.level.org.dues=warn",
		"dues.channels.simulated=true" })
@Import(LiveGateBenchmark.Clocks.class)
class LiveGateBenchmark {

	/** Wednesday 25 November 2026, 14:00 in New York. */
	static final Instant NOW = Instant.parse("2026-11-25T19:00:00Z");

	@Autowired
	Portfolios portfolios;

	@Autowired
	ContactLog log;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Test
	void liveGateEndToEnd() throws Exception {
		AccountView account = this.portfolios.overdue(this.portfolios.usIssuer(), 60, "3200.00");
		int history = this.jdbc.sql("""
				WITH days AS (SELECT d FROM generate_series(1, 365) AS d),
				     slots AS (SELECT d, s FROM days, generate_series(0, 4) AS s)
				INSERT INTO contact_interactions (id, customer_id, account_id, channel, address, direction, role,
				    purpose, status, result, started_at, recorded_at, agent)
				SELECT gen_random_uuid(), :customer, :account,
				       CASE WHEN s < 3 THEN 'CALL' WHEN s = 3 THEN 'SMS' ELSE 'EMAIL' END,
				       CASE WHEN s = 4 THEN 'maria@example.com' ELSE '+12127361000' END,
				       CASE WHEN s = 2 AND d % 7 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END, 'CONSUMER', 'COLLECTION',
				       'LOGGED',
				       CASE WHEN s = 0 AND d % 10 = 0 THEN 'CONVERSATION' WHEN s < 3 THEN
				            (ARRAY['NO_ANSWER','VOICEMAIL','BUSY','ANSWERED_DROPPED'])[1 + (d + s) % 4]
				            ELSE 'DELIVERED' END,
				       CAST(:now AS timestamptz) - make_interval(days => d) + make_interval(mins => 90 * s),
				       CAST(:now AS timestamptz) - make_interval(days => d) + make_interval(mins => 90 * s), 'bench'
				FROM slots WHERE s < 4 OR d % 2 = 0""")
			.param("customer", account.customerId().value())
			.param("account", account.id().value())
			.param("now", java.sql.Timestamp.from(NOW))
			.update();
		this.jdbc.sql("""
				INSERT INTO contact_interaction_debts (interaction_id, account_id)
				SELECT id, account_id FROM contact_interactions WHERE customer_id = :customer""")
			.param("customer", account.customerId().value())
			.update();
		this.jdbc.sql("ANALYZE contact_interactions").update();
		this.jdbc.sql("ANALYZE contact_interaction_debts").update();
		this.clock.set(NOW);
		ContactGate.Request call = new ContactGate.Request(account.id(), Set.of(), Channel.CALL, "(212) 736-1000",
				PersonRole.CONSUMER, Purpose.COLLECTION);
		ContactGate.Request email = new ContactGate.Request(account.id(), Set.of(), Channel.EMAIL, "maria@example.com",
				PersonRole.CONSUMER, Purpose.COLLECTION);

		long[] roundTrip = time(3000, () -> this.jdbc.sql("SELECT 1").query(Integer.class).single());
		long[] preview = time(3000, () -> this.log.check(call));
		long[] attempt = time(1000, () -> this.log.attempt(email, null, null, "bench"));

		String report = String.join(System.lineSeparator(),
				"%d interactions over a year in the log; a decision reads the last 31 days".formatted(history),
				"%-40s %10s %10s %8s".formatted("step", "median ms", "p99 ms", "runs"),
				line("bare SELECT 1 round trip", roundTrip), line("preview: read facts and decide (CALL)", preview),
				line("attempt: decide, record, audit (EMAIL)", attempt),
				"JVM %s, %d cores, max heap %d MB".formatted(Runtime.version(),
						Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
		System.out.println(report);
		Files.createDirectories(Path.of("target/benchmarks"));
		Files.writeString(Path.of("target/benchmarks/live-gate.txt"), report);
	}

	private static long[] time(int runs, Supplier<?> step) {
		for (int i = 0; i < Math.min(300, runs); i++) {
			step.get();
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			step.get();
			nanos[i] = System.nanoTime() - started;
		}
		Arrays.sort(nanos);
		return nanos;
	}

	private static String line(String name, long[] sorted) {
		return "%-40s %10.3f %10.3f %8d".formatted(name, sorted[sorted.length / 2] / 1e6,
				sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6, sorted.length);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MutableClock benchmarkClock() {
			return new MutableClock(NOW);
		}

	}

}
