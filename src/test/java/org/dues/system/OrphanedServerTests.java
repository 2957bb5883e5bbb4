package org.dues.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a Dues process is killed outright, its embedded PostgreSQL keeps running on the
 * data directory; the next start must stop it and start on the same data.
 */
class OrphanedServerTests {

	@TempDir
	Path data;

	@Test
	void theNextStartStopsTheServerAKilledProcessLeftRunning() throws Exception {
		Path cluster = this.data.resolve("postgres");
		Files.createDirectories(cluster);
		EmbeddedPostgres orphan = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
		try (Connection connection = orphan.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("CREATE TABLE survives (id int); INSERT INTO survives VALUES (42)");
		}
		// The killed process's file lock died with it; this JVM's must be let go by hand.
		releaseLock(orphan);
		long pid = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).strip());
		assertThat(ProcessHandle.of(pid)).hasValueSatisfying((p) -> assertThat(p.isAlive()).isTrue());

		DatabaseConfiguration.stopOrphanedServer(cluster);

		assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
		try (EmbeddedPostgres restarted = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start(); Connection connection = restarted.getPostgresDatabase().getConnection()) {
			var result = connection.createStatement().executeQuery("SELECT id FROM survives");
			assertThat(result.next()).isTrue();
			assertThat(result.getInt(1)).isEqualTo(42);
		}
	}

	private static void releaseLock(EmbeddedPostgres postgres) throws Exception {
		var lock = EmbeddedPostgres.class.getDeclaredField("lock");
		lock.setAccessible(true);
		((java.nio.channels.FileLock) lock.get(postgres)).release();
		var stream = EmbeddedPostgres.class.getDeclaredField("lockStream");
		stream.setAccessible(true);
		((java.io.FileOutputStream) stream.get(postgres)).close();
	}

	@Test
	void aServerWhoseDuesStillRunsIsInUseNotOrphaned() throws Exception {
		Path cluster = this.data.resolve("postgres");
		Files.createDirectories(cluster);
		try (EmbeddedPostgres running = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start()) {
			long pid = Long.parseLong(Files.readAllLines(cluster.resolve("postmaster.pid")).get(0).strip());
			org.assertj.core.api.Assertions.assertThatIllegalStateException()
				.isThrownBy(() -> DatabaseConfiguration.stopOrphanedServer(cluster))
				.withMessageContaining("in use");
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);
			try (Connection connection = running.getPostgresDatabase().getConnection()) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
	}

	@Test
	void aDirectoryWithoutARunningServerIsLeftAlone() throws Exception {
		DatabaseConfiguration.stopOrphanedServer(this.data);
		Files.writeString(this.data.resolve("postmaster.pid"), "999999999\n" + this.data + "\n");
		DatabaseConfiguration.stopOrphanedServer(this.data);
		assertThat(this.data.resolve("postmaster.pid")).exists();
	}

}
