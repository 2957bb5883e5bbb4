package org.dues.system;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's depth for the operator: Spring Modulith's event publication registry
 * (table {@code event_publication}) as {@code dues.outbox.incomplete}, the publications
 * whose listener has not completed (failed, or not yet run), and
 * {@code dues.outbox.oldest.age}, how long the oldest of them has waited. Both come from
 * one count on an indexed column, read at most once every {@link #FRESH} however often
 * they are scraped; the figures are the cluster's, the same on every node.
 */
@Component
class OutboxMetrics implements MeterBinder {

	static final Duration FRESH = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private @Nullable Reading last;

	OutboxMetrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("dues.outbox.incomplete", this, (outbox) -> outbox.read().incomplete())
			.description("Event publications not completed (Spring Modulith's registry)")
			.register(registry);
		TimeGauge.builder("dues.outbox.oldest.age", this, TimeUnit.SECONDS, (outbox) -> outbox.read().oldestAge())
			.description("How long the oldest incomplete event publication has waited")
			.register(registry);
	}

	/** The figures, from the database when the last reading is older than FRESH. */
	synchronized Reading read() {
		long now = System.nanoTime();
		Reading reading = this.last;
		if (reading != null && now - reading.nanos() < FRESH.toNanos()) {
			return reading;
		}
		reading = this.jdbc
			.sql("SELECT count(*), min(publication_date) FROM event_publication WHERE completion_date IS NULL")
			.query((rs, n) -> {
				Timestamp oldest = rs.getTimestamp(2);
				double age = (oldest == null) ? 0
						: Math.max(0, Duration.between(oldest.toInstant(), this.clock.instant()).toMillis() / 1000.0);
				return new Reading(now, rs.getLong(1), age);
			})
			.single();
		this.last = reading;
		return reading;
	}

	/** Forgets the last reading, so that the next scrape reads afresh. */
	synchronized void forget() {
		this.last = null;
	}

	record Reading(long nanos, long incomplete, double oldestAge) {
	}

}
