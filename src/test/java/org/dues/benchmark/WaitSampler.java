package org.dues.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Twice a second, on a connection of its own, what the application's database sessions
 * are doing ({@code pg_stat_activity}: on CPU, or waiting and on what) and how many
 * request threads wait for a pooled connection; averaged over the run.
 */
final class WaitSampler implements AutoCloseable {

	private final Map<String, Long> counts = new ConcurrentHashMap<>();

	private final Thread thread;

	private volatile boolean running = true;

	private long samples;

	private long awaitingConnection;

	WaitSampler(HikariDataSource pool) throws Exception {
		Connection connection = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
				pool.getPassword());
		this.thread = Thread.ofPlatform().daemon().start(() -> {
			try (connection; Statement statement = connection.createStatement()) {
				while (this.running) {
					try (ResultSet rs = statement.executeQuery(
							"""
									SELECT coalesce(wait_event_type || ':' || wait_event, 'on CPU') FROM pg_stat_activity
									WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'""")) {
						while (rs.next()) {
							this.counts.merge(rs.getString(1), 1L, Long::sum);
						}
					}
					synchronized (this) {
						this.samples++;
						this.awaitingConnection += pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
					}
					Thread.sleep(500);
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
					this.awaitingConnection / (double) n);
	}

}
