package org.dues.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

/**
 * Twice a second, on a connection of its own, what the application's database sessions
 * are doing ({@code pg_stat_activity}: on CPU, or waiting and on what) and how many
 * request threads wait for a pooled connection; averaged over the run. While the
 * simultaneous asks of a burst are answered ({@link BurstCpu#inBurst()}), every 10 ms
 * instead (from the burst's first moment, seen within 2 ms), averaged apart: what the
 * asks wait on.
 */
final class WaitSampler implements AutoCloseable {

	private final Map<String, Long> counts = new ConcurrentHashMap<>();

	private final Map<String, Long> burstCounts = new ConcurrentHashMap<>();

	private long burstSamples;

	private long burstAwaiting;

	private final Thread thread;

	private volatile boolean running = true;

	private long samples;

	private long awaitingConnection;

	WaitSampler(HikariDataSource pool) throws Exception {
		this(pool, null);
	}

	WaitSampler(HikariDataSource pool, @Nullable BurstCpu burst) throws Exception {
		Connection connection = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
				pool.getPassword());
		this.thread = Thread.ofPlatform().daemon().start(() -> {
			try (connection; Statement statement = connection.createStatement()) {
				long next = 0;
				boolean wasBursting = false;
				while (this.running) {
					boolean bursting = burst != null && burst.inBurst();
					if (System.nanoTime() >= next || (bursting && !wasBursting)) {
						Map<String, Long> into = bursting ? this.burstCounts : this.counts;
						try (ResultSet rs = statement.executeQuery(
								"""
										SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') FROM pg_stat_activity
										WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'""")) {
							while (rs.next()) {
								into.merge(rs.getString(1), 1L, Long::sum);
							}
						}
						synchronized (this) {
							int awaiting = pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
							if (bursting) {
								this.burstSamples++;
								this.burstAwaiting += awaiting;
							}
							else {
								this.samples++;
								this.awaitingConnection += awaiting;
							}
							next = System.nanoTime() + (bursting ? 10_000_000L : 500_000_000L);
						}
					}
					wasBursting = bursting;
					Thread.sleep(2);
				}
			}
			catch (Exception ex) {
				this.counts.put("sampler failed: " + ex.getMessage(), 0L);
			}
		});
	}

	@Override
	public void close() throws InterruptedException {
		this.running = false;
		this.thread.join();
	}

	/**
	 * Average number of sessions in each state, and of threads waiting for a connection.
	 */
	synchronized String summary() {
		long n = Math.max(1, this.samples);
		Map<String, Long> sorted = new TreeMap<>(this.counts);
		return "database sessions, average over %d samples: %s; request threads waiting for a pooled connection: %.1f"
			.formatted(this.samples,
					sorted.entrySet()
						.stream()
						.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
						.limit(6)
						.map((e) -> "%s %.1f".formatted(e.getKey(), e.getValue() / (double) n))
						.collect(Collectors.joining(", ")),
					this.awaitingConnection / (double) n)
				+ ((this.burstSamples == 0) ? ""
						: "; in the burst, over %d samples: %s; request threads waiting for a pooled connection: %.1f"
							.formatted(this.burstSamples, averages(this.burstCounts, this.burstSamples),
									this.burstAwaiting / (double) this.burstSamples));
	}

	private static String averages(Map<String, Long> counts, long samples) {
		return counts.entrySet()
			.stream()
			.sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
			.limit(8)
			.map((e) -> "%s %.1f".formatted(e.getKey(), e.getValue() / (double) samples))
			.collect(Collectors.joining(", "));
	}

}
