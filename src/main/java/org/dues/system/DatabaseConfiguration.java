package org.dues.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL, and only PostgreSQL: the configured server when {@code DUES_DATABASE_URL}
 * is set, otherwise an embedded server whose cluster lives under {@code DUES_DATA_DIR}
 * and survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DuesProperties.class)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	DatabaseServer databaseServer(DuesProperties properties) throws IOException {
		if (properties.database().external()) {
			log.info("Using PostgreSQL at {}", properties.database().url());
			return new DatabaseServer(null, properties.database().url(), properties.database().username(),
					properties.database().password());
		}
		Path cluster = properties.dataDir().toAbsolutePath().resolve("postgres");
		Files.createDirectories(cluster);
		stopOrphanedServer(cluster);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.setServerConfig("timezone", "UTC")
			// zonky's defaults suit throwaway test databases; this one holds real money.
			.setServerConfig("fsync", properties.database().durable() ? "on" : "off")
			.setServerConfig("synchronous_commit", properties.database().durable() ? "on" : "off")
			.setServerConfig("full_page_writes", properties.database().durable() ? "on" : "off")
			// Room for bulk imports: a million-row file rewrites indexes larger than the
			// default 128 MB of buffers, and checkpoints every 1 GB of WAL would multiply
			// its writes.
			.setServerConfig("shared_buffers", "512MB")
			.setServerConfig("max_wal_size", "8GB")
			.setServerConfig("checkpoint_timeout", "15min")
			// Imports write new customers and accounts in a second session, committed in
			// two phases.
			.setServerConfig("max_prepared_transactions", "16")
			// Spring stops the server when the context closes, after everything that uses
			// it;
			// zonky's own shutdown hook would stop it while beans still need it.
			.setRegisterShutdownHook(false)
			.start();
		log.info("Started embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), cluster);
		return new DatabaseServer(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", null);
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.url());
		if (server.username() != null && !server.username().isBlank()) {
			dataSource.setUsername(server.username());
		}
		if (server.password() != null && !server.password().isBlank()) {
			dataSource.setPassword(server.password());
		}
		dataSource.setPoolName("dues");
		// Bulk imports work in temporary tables; give them memory before any session
		// touches one.
		dataSource.setConnectionInitSql("SET temp_buffers = '256MB'");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

	/**
	 * A Dues process killed outright leaves its embedded server running on the data
	 * directory, and a new server would find the directory in use. Ask the old one to
	 * shut down (its clients died with the process) and wait for it.
	 */
	/**
	 * The embedded server holds a lock on {@code epg-lock} in its data directory for as
	 * long as its process lives: if it is held, another Dues is using the database, and
	 * its server is not an orphan to be stopped.
	 */
	static void ensureNotInUse(Path cluster) throws IOException {
		Path lockFile = cluster.resolve("epg-lock");
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			if (lock == null) {
				throw new IllegalStateException(
						"The embedded database in %s is in use by another running Dues; stop it first, or set DUES_DATA_DIR"
							.formatted(cluster));
			}
			lock.release();
		}
		catch (OverlappingFileLockException ex) {
			throw new IllegalStateException(
					"The embedded database in %s is already in use by this process".formatted(cluster), ex);
		}
	}

	static void stopOrphanedServer(Path cluster) throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		ensureNotInUse(cluster);
		List<String> lines = Files.readAllLines(pidFile);
		if (lines.size() < 2 || !lines.get(0).strip().matches("\\d+")
				|| !Path.of(lines.get(1).strip()).equals(cluster)) {
			return;
		}
		ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter((process) -> process.info().command().map((c) -> c.endsWith("postgres")).orElse(false))
			.ifPresent((postmaster) -> {
				log.warn(
						"Stopping the embedded PostgreSQL (pid {}) left running by a Dues process that did not shut down",
						postmaster.pid());
				postmaster.destroy();
				try {
					postmaster.onExit().get(60, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(
							"The embedded PostgreSQL left running (pid %d) did not stop; stop it and start again"
								.formatted(postmaster.pid()),
							ex);
				}
			});
	}

	@Bean
	RuntimeMode runtimeMode(DatabaseServer server, DuesProperties properties) {
		boolean demo = properties.demo() != null ? properties.demo() : server.isEmbedded();
		return new RuntimeMode(server.isEmbedded(), demo);
	}

	/** The server behind the pool; closing it stops an embedded server. */
	record DatabaseServer(@Nullable EmbeddedPostgres embedded, String url, @Nullable String username,
			@Nullable String password) implements AutoCloseable {

		boolean isEmbedded() {
			return this.embedded != null;
		}

		@Override
		public void close() throws IOException {
			if (this.embedded != null) {
				this.embedded.close();
			}
		}

	}

}
