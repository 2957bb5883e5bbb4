package org.dues.telephony.desk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

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
 * How this node learns that an agent's phone state changed or a call popped on any node:
 * a connection of its own (not the pool's) runs {@code LISTEN dues_phone} and a daemon
 * thread waits on PgJDBC's {@link PGConnection#getNotifications(int)}, handing each
 * notification to {@link PhoneStreams}. A lost connection is opened again after a second,
 * and every watched desk is then told to reload its state.
 */
@Component
class PhoneNotifications implements SmartLifecycle {

	static final String CHANNEL = "dues_phone";

	private static final Logger log = LoggerFactory.getLogger(PhoneNotifications.class);

	private static final int WAIT_MS = 500;

	private static final long HEARTBEAT_MS = 20_000;

	private final DataSource dataSource;

	private final PhoneStreams streams;

	private volatile boolean running;

	private @Nullable Thread thread;

	PhoneNotifications(DataSource dataSource, PhoneStreams streams) {
		this.dataSource = dataSource;
		this.streams = streams;
	}

	@Override
	public void start() {
		this.running = true;
		Thread listener = new Thread(this::listen, "dues-phone-listen");
		listener.setDaemon(true);
		listener.start();
		this.thread = listener;
	}

	@Override
	public void stop() {
		this.running = false;
		this.streams.closeAll();
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		boolean first = true;
		while (this.running) {
			try (Connection connection = connect()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				if (!first) {
					this.streams.resync();
				}
				first = false;
				long pinged = System.nanoTime();
				while (this.running) {
					PGNotification[] heard = pg.getNotifications(WAIT_MS);
					if (heard != null) {
						for (PGNotification notification : heard) {
							this.streams.heard(notification.getParameter());
						}
					}
					if (System.nanoTime() - pinged > TimeUnit.MILLISECONDS.toNanos(HEARTBEAT_MS)) {
						this.streams.heartbeat();
						pinged = System.nanoTime();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.warn("Listening for phone events failed; listening again in a second: {}", ex.getMessage());
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

	/** A connection of its own: a pooled one would be taken from requests for good. */
	private Connection connect() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
		}
		return this.dataSource.getConnection();
	}

}
