package org.dues.system;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

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
		DuesProperties.Database database = properties.database();
		if (database.external()) {
			log.info("Using PostgreSQL at {}", database.url());
			DatabaseServer.Login migration = (database.migrationUsername() == null
					|| database.migrationUsername().isBlank()) ? null
							: new DatabaseServer.Login(database.migrationUsername(), database.migrationPassword());
			return new DatabaseServer(null, database.url(),
					new DatabaseServer.Login(blankToNull(database.username()), blankToNull(database.password())),
					migration, null);
		}
		return EmbeddedDatabase.start(properties.dataDir().toAbsolutePath(), database.durable());
	}

	/**
	 * The migrations run as the role that owns the tables when it is not the
	 * application's: on the embedded server always, on a configured one when
	 * {@code DUES_DATABASE_MIGRATION_USERNAME} is set.
	 */
	@Bean
	FlywayConfigurationCustomizer migrationRole(DatabaseServer server) {
		return (configuration) -> {
			DatabaseServer.Login migration = server.migration();
			if (migration != null) {
				configuration.dataSource(server.url(), migration.username(), migration.password());
			}
		};
	}

	/**
	 * The migrations, summed up in one line: Flyway's own lines (one for each migration
	 * on a new database) are quietened to warnings in application.properties.
	 */
	@Bean
	FlywayMigrationStrategy migrationSummary() {
		return (flyway) -> {
			long started = System.nanoTime();
			MigrateResult result = flyway.migrate();
			if (result.migrationsExecuted > 0) {
				log.info("Database schema migrated from version {} to {}: {} migrations in {} ms",
						Objects.requireNonNullElse(result.initialSchemaVersion, "(empty)"), result.targetSchemaVersion,
						result.migrationsExecuted, (System.nanoTime() - started) / 1_000_000);
			}
			else {
				log.info("Database schema is up to date at version {}", result.initialSchemaVersion);
			}
		};
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(DatabaseServer server) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(server.url());
		if (server.application().username() != null) {
			dataSource.setUsername(server.application().username());
		}
		if (server.application().password() != null) {
			dataSource.setPassword(server.application().password());
		}
		dataSource.setPoolName("dues");
		// Bulk imports work in temporary tables; give them memory before any session
		// touches one.
		dataSource.setConnectionInitSql("SET temp_buffers = '256MB'");
		dataSource.setMaximumPoolSize(20);
		// a batch of inserts goes as multi-row INSERTs (the dispatcher writes hundreds of
		// decisions, audit records and interactions at once)
		dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
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

	/**
	 * On a configured server, once migrated: a warning when the application's role owns
	 * the tables or is a superuser, for then it could switch the append-only triggers
	 * off.
	 */
	@Bean
	ApplicationRunner applicationRoleCheck(DatabaseServer server, JdbcClient jdbc) {
		return (arguments) -> {
			if (!server.isEmbedded()) {
				applicationRoleWarning(jdbc).ifPresent(log::warn);
			}
		};
	}

	/** Why the role {@code jdbc} works as could switch the triggers off, if it could. */
	static Optional<String> applicationRoleWarning(JdbcClient jdbc) {
		record Powers(String role, boolean superuser, boolean owner) {
		}
		Powers powers = jdbc.sql("""
				SELECT r.rolname AS role, r.rolsuper AS superuser, EXISTS (SELECT FROM pg_class c
				    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
				    AND pg_has_role(c.relowner, 'MEMBER')) AS owner
				FROM pg_roles r WHERE r.rolname = current_user""").query(Powers.class).single();
		if (!powers.superuser() && !powers.owner()) {
			return Optional.empty();
		}
		return Optional.of(("The application works as %s, which %s: it can switch off the triggers that keep the"
				+ " ledger, the audit trail and the compliance records append-only. Give the migrations a role of"
				+ " their own (DUES_DATABASE_MIGRATION_USERNAME) that owns the tables, and the application a role"
				+ " that owns nothing: see \"The database\" in docs/security.md.")
			.formatted(powers.role(), powers.superuser() ? "is a superuser" : "owns the tables"));
	}

	@Bean
	RuntimeMode runtimeMode(DatabaseServer server, DuesProperties properties) {
		boolean demo = properties.demo() != null ? properties.demo() : server.isEmbedded();
		return new RuntimeMode(server.isEmbedded(), demo);
	}

}
