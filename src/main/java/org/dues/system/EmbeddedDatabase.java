package org.dues.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL, locked down: no Unix socket, TCP on the loopback interface
 * only, and every connection authenticated by password ({@code scram-sha-256}), the
 * passwords kept owner-only in the data directory ({@link DatabasePasswords}). Dues works
 * as {@value DatabaseRoles#APPLICATION}, a role that owns nothing and so cannot switch
 * the append-only triggers off; the migrations run as {@value DatabaseRoles#OWNER}
 * ({@link DatabaseRoles}).
 *
 * <p>
 * A data directory from before (every local connection trusted, everything owned by
 * {@code postgres}) is converted on its first start: the superuser gets its password in
 * single-user mode, before the server listens, and the tables change owner.
 */
final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	static final String SUPERUSER = "postgres";

	static final long SERVER_LOG_LIMIT = 10L * 1024 * 1024;

	/** Marks a cluster whose superuser has its password: written after it is set. */
	static final String LOCKED_DOWN = "dues-locked-down";

	/** Only password logins over the loopback interface; no other line matches. */
	static final String HBA = """
			# Written by Dues at every start: password (SCRAM) logins over the loopback interface only.
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private EmbeddedDatabase() {
	}

	static DatabaseServer start(Path dataDir, boolean durable) throws IOException {
		Path cluster = dataDir.resolve("postgres");
		Files.createDirectories(cluster);
		DatabaseConfiguration.stopOrphanedServer(cluster);
		DatabasePasswords passwords = DatabasePasswords.in(dataDir.resolve("postgres.pgpass"), SUPERUSER,
				DatabaseRoles.OWNER, DatabaseRoles.APPLICATION);
		Path binaries = binaries();
		// initdb's, pg_ctl's and the server's own output go to a file, not the console
		Path serverLog = serverLog(dataDir);
		EmbeddedPostgres postgres;
		try {
			postgres = builder(cluster, binaries, passwords, durable)
				.setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
				.setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog.toFile()))
				.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("The embedded PostgreSQL did not start (%s); its output is in %s"
				.formatted(ex.getMessage(), serverLog), ex);
		}
		String url = "jdbc:postgresql://localhost:%d/postgres".formatted(postgres.getPort());
		DatabaseServer server = new DatabaseServer(postgres, url,
				new DatabaseServer.Login(DatabaseRoles.APPLICATION, passwords.of(DatabaseRoles.APPLICATION)),
				new DatabaseServer.Login(DatabaseRoles.OWNER, passwords.of(DatabaseRoles.OWNER)),
				dataDir.resolve("postgres.pgpass"));
		// The superuser's only session of the process: it prepares the roles and ends.
		try (Connection connection = DatabaseServer.connect(url,
				new DatabaseServer.Login(SUPERUSER, passwords.of(SUPERUSER)))) {
			DatabaseRoles.prepare(connection, passwords.of(DatabaseRoles.OWNER),
					passwords.of(DatabaseRoles.APPLICATION));
		}
		catch (SQLException | RuntimeException ex) {
			postgres.close();
			throw new IllegalStateException("could not prepare the embedded database's roles: " + ex.getMessage(), ex);
		}
		log.info("Started embedded PostgreSQL on port {} with its data in {} (passwords in {}, its output in {})",
				postgres.getPort(), cluster, dataDir.resolve("postgres.pgpass"), serverLog);
		return server;
	}

	private static EmbeddedPostgres.Builder builder(Path cluster, Path binaries, DatabasePasswords passwords,
			boolean durable) {
		return EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(binaries.toFile())
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C")
			.setServerConfig("timezone", "UTC")
			// zonky's defaults suit throwaway test databases; this one holds real money.
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setServerConfig("full_page_writes", durable ? "on" : "off")
			// Room for bulk imports: a million-row file rewrites indexes larger than the
			// default 128 MB of buffers, and checkpoints every 1 GB of WAL would multiply
			// its writes.
			.setServerConfig("shared_buffers", "512MB")
			.setServerConfig("max_wal_size", "8GB")
			.setServerConfig("checkpoint_timeout", "15min")
			// Imports write new customers and accounts in a second session, committed in
			// two phases.
			.setServerConfig("max_prepared_transactions", "16")
			// No socket in a shared temporary directory: TCP on loopback only, and
			// pg_hba.conf asks every connection for its password.
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig("password_encryption", "scram-sha-256")
			.setConnectConfig("password", passwords.of(SUPERUSER))
			.setDataDirectoryCustomizer((directory) -> lockDown(directory.toPath(), binaries, passwords.of(SUPERUSER)))
			// Spring stops the server when the context closes, after everything that uses
			// it; zonky's own shutdown hook would stop it while beans still need it.
			.setRegisterShutdownHook(false);
	}

	/**
	 * The file the embedded server's own output is appended to (initdb on the first
	 * start, pg_ctl, and the server's log), owner-only: a failed statement's text may
	 * hold data. Past {@value #SERVER_LOG_LIMIT} bytes it becomes
	 * {@code postgres.log.old} at a start.
	 */
	static Path serverLog(Path dataDir) throws IOException {
		Path logs = OwnerOnly.directory(dataDir.resolve("logs"));
		Path file = logs.resolve("postgres.log");
		if (Files.exists(file) && Files.size(file) > SERVER_LOG_LIMIT) {
			Files.move(file, logs.resolve("postgres.log.old"), StandardCopyOption.REPLACE_EXISTING);
		}
		if (!Files.exists(file)) {
			OwnerOnly.createFile(file);
		}
		return file;
	}

	/**
	 * Before the server starts: its pg_hba.conf, and, once, the superuser's password, set
	 * in single-user mode (a new cluster's superuser has none, nor has one from before).
	 */
	private static void lockDown(Path cluster, Path binaries, String superuserPassword) {
		try {
			Files.writeString(cluster.resolve("pg_hba.conf"), HBA);
			OwnerOnly.restrict(cluster.resolve("pg_hba.conf"));
			if (Files.exists(cluster.resolve(LOCKED_DOWN))) {
				return;
			}
			log.info("Setting the embedded PostgreSQL's superuser password (kept in the data directory)");
			singleUser(postgresBinary(binaries), cluster,
					"ALTER ROLE %s WITH PASSWORD '%s';".formatted(SUPERUSER, superuserPassword));
			Files.writeString(OwnerOnly.createFile(cluster.resolve(LOCKED_DOWN)),
					"The superuser's password is set; pg_hba.conf asks every connection for one.\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not lock down the embedded database in " + cluster, ex);
		}
	}

	/** Runs one statement in single-user mode: no connection is possible meanwhile. */
	private static void singleUser(Path postgres, Path cluster, String statement) throws IOException {
		List<String> command = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			// Run as root (in a container), PostgreSQL refuses to start; zonky runs it in
			// a
			// user namespace, and so does this.
			command.addAll(List.of("unshare", "-U"));
		}
		command.addAll(List.of(postgres.toString(), "--single", "-D", cluster.toString(), "-c",
				"log_min_messages=fatal", SUPERUSER));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().write((statement + "\n").getBytes(StandardCharsets.UTF_8));
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR")) {
				throw new IllegalStateException("PostgreSQL in single-user mode did not set the password: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while setting the superuser's password", ex);
		}
	}

	/** The server binary zonky unpacked into the binaries directory, the newest. */
	private static Path postgresBinary(Path binaries) throws IOException {
		try (Stream<Path> unpacked = Files.list(binaries)) {
			return unpacked.map((dir) -> dir.resolve("bin").resolve("postgres"))
				.filter(Files::isExecutable)
				.max(Comparator.comparing((binary) -> binary.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries in " + binaries));
		}
	}

	/**
	 * Where zonky unpacks the PostgreSQL binaries: a directory of this user's own, not
	 * its default in the shared temporary directory, where another user could have put
	 * binaries of theirs for Dues to run.
	 */
	static Path binaries() throws IOException {
		String user = System.getProperty("user.name");
		Path directory = Path.of(System.getProperty("java.io.tmpdir"), "dues-embedded-pg-" + user);
		OwnerOnly.directory(directory);
		try {
			UserPrincipal me = FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(user);
			if (!Files.getOwner(directory).equals(me)) {
				throw new IllegalStateException("%s belongs to %s, not to %s: remove it".formatted(directory,
						Files.getOwner(directory).getName(), user));
			}
			if (Files.getPosixFilePermissions(directory).contains(PosixFilePermission.OTHERS_WRITE)) {
				throw new IllegalStateException(directory + " may be written by others: remove it");
			}
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the user's temporary directory is their own
		}
		return directory;
	}

}
