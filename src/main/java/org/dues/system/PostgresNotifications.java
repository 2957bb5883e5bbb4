package org.dues.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * How this node hears what any node announced with PostgreSQL's {@code NOTIFY}: one
 * connection of its own (not the pool's) runs {@code LISTEN} on every
 * {@link NotificationListener}'s channel and a daemon thread waits on PgJDBC's
 * {@link PGConnection#getNotifications(int)}, handing each notification to its channel's
 * listener. A lost connection is opened again after a second, and every listener is then
 * told to catch up ({@link NotificationListener#reconnected()}), as what was announced
 * meanwhile was not heard; every 20 seconds each is pinged
 * ({@link NotificationListener#heartbeat()}), so streams to browsers stay open through
 * proxies.
 */
@Component
class PostgresNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

	/** How long a wait for notifications lasts, and so how often the loop turns. */
	private static final int WAIT_MS = 500;

	private static final long HEARTBEAT_MS = 20_000;

	/** How often the listening connection is asked to answer. */
	private static final long CONFIRM_MS = 2_000;

	private final DataSource dataSource;

	private final Map<String, NotificationListener> listeners;

	private volatile boolean running;

	private volatile @Nullable Thread thread;

	PostgresNotifications(DataSource dataSource, List<NotificationListener> listeners) {
		this.dataSource = dataSource;
		this.listeners = listeners.stream()
			.collect(Collectors.toUnmodifiableMap(NotificationListener::channel, Function.identity()));
		this.listeners.keySet().forEach(PostgresNotifications::checkName);
	}

	@Override
	public void start() {
		this.running = true;
		if (this.listeners.isEmpty()) {
			return;
		}
		this.listeners.values().forEach(NotificationListener::started);
		CountDownLatch listening = new CountDownLatch(1);
		Thread listener = new Thread(() -> listen(listening), "dues-listen");
		listener.setDaemon(true);
		// set before it runs: a thread of an earlier start, still waiting, sees that it
		// is
		// not the current one and ends, so a stop and start never leave two listening
		this.thread = listener;
		listener.start();
		// started means listening: what is announced from here on is heard (a stopped
		// context started again, as tests do, would otherwise miss its first
		// announcements); a database that does not answer does not hold the start up long
		try {
			if (!listening.await(10, TimeUnit.SECONDS)) {
				log.warn("Not yet listening for notifications after 10 s; going on, listening when it can");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.listeners.values().forEach(NotificationListener::stopped);
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen(CountDownLatch listening) {
		boolean first = true;
		while (this.running && this.thread == Thread.currentThread()) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					for (String channel : this.listeners.keySet()) {
						statement.execute("LISTEN " + channel);
					}
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				listening.countDown();
				if (!first) {
					this.listeners.values().forEach(NotificationListener::reconnected);
				}
				first = false;
				this.listeners.values().forEach(NotificationListener::listening);
				long pinged = System.nanoTime();
				long confirmed = System.nanoTime();
				while (this.running && this.thread == Thread.currentThread()) {
					PGNotification[] heard = pg.getNotifications(WAIT_MS);
					if (this.thread != Thread.currentThread()) {
						// stopped (and perhaps started again) while waiting: what this
						// connection heard is the current thread's to hear
						break;
					}
					if (heard != null) {
						for (PGNotification notification : heard) {
							heard(notification);
						}
					}
					if (System.nanoTime() - confirmed > TimeUnit.MILLISECONDS.toNanos(CONFIRM_MS)) {
						confirm(connection, pg);
						confirmed = System.nanoTime();
					}
					if (System.nanoTime() - pinged > TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS)) {
						this.listeners.values().forEach(NotificationListener::heartbeat);
						pinged = System.nanoTime();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				this.listeners.values().forEach(NotificationListener::lost);
				log.warn("Listening for notifications failed; listening again in a second: {}", ex.getMessage());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * The connection answers a statement (a dead one fails or never answers, and the
	 * listeners stop being told it listens); what it heard before answering is handed on
	 * first.
	 */
	private void confirm(Connection connection, PGConnection pg) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT 1");
		}
		PGNotification[] heard = pg.getNotifications();
		if (heard != null) {
			for (PGNotification notification : heard) {
				heard(notification);
			}
		}
		this.listeners.values().forEach(NotificationListener::listening);
	}

	private void heard(PGNotification notification) {
		NotificationListener listener = this.listeners.get(notification.getName());
		if (listener == null) {
			return;
		}
		try {
			listener.heard(notification.getParameter());
		}
		catch (RuntimeException ex) {
			// one listener's failure neither stops the others nor drops the connection
			log.warn("The {} listener failed on '{}': {}", notification.getName(), notification.getParameter(),
					ex.getMessage());
		}
	}

	/** A connection of its own: a pooled one would be taken from requests for good. */
	private Connection connect() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return this.dataSource.getConnection();
	}

	private static void checkName(String channel) {
		if (!channel.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("not a channel name: " + channel);
		}
	}

}
