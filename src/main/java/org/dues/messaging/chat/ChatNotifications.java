package org.dues.messaging.chat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * How this node learns that a chat changed on any node: a connection of its own (not the
 * pool's) runs {@code LISTEN dues_chat} and a daemon thread waits on PgJDBC's
 * {@link PGConnection#getNotifications(int)}; each chat's id heard is handed to
 * {@link ChatStreams} on a few delivery threads, a chat's deliveries coalesced while one
 * is pending. A lost connection is opened again after a second, and every watched chat is
 * then delivered once, so nothing committed meanwhile is missed.
 */
@Component
class ChatNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChatNotifications.class);

	/** How long a wait for notifications lasts, and so how often streams are pinged. */
	private static final int WAIT_MS = 500;

	private static final long HEARTBEAT_MS = 20_000;

	private final DataSource dataSource;

	private final ChatStreams streams;

	private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private @Nullable Thread thread;

	private @Nullable ExecutorService delivery;

	ChatNotifications(DataSource dataSource, ChatStreams streams) {
		this.dataSource = dataSource;
		this.streams = streams;
	}

	@Override
	public void start() {
		this.running = true;
		this.delivery = Executors.newFixedThreadPool(4, (task) -> {
			Thread t = new Thread(task, "dues-chat-delivery");
			t.setDaemon(true);
			return t;
		});
		Thread listener = new Thread(this::listen, "dues-chat-listen");
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
		ExecutorService executor = this.delivery;
		if (executor != null) {
			executor.shutdownNow();
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
					statement.execute("LISTEN " + Chats.CHANNEL);
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
							heard(notification.getParameter());
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
				log.warn("Listening for chats failed; listening again in a second: {}", ex.getMessage());
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

	private void heard(String payload) {
		UUID chat;
		try {
			chat = UUID.fromString(payload);
		}
		catch (IllegalArgumentException ex) {
			log.warn("A chat notification that names no chat: {}", payload);
			return;
		}
		ExecutorService executor = this.delivery;
		if (executor == null || !this.pending.add(chat)) {
			return;
		}
		executor.execute(() -> {
			this.pending.remove(chat);
			try {
				this.streams.changed(chat);
			}
			catch (RuntimeException ex) {
				log.warn("Delivering chat {} failed: {}", chat, ex.getMessage());
			}
		});
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
