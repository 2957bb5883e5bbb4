package org.dues.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.portfolio.Creditors;
import org.dues.portfolio.Placements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded database as a local attacker, or the application itself gone rogue, would
 * find it: no login without a password, no socket in a shared directory, and an
 * application role that cannot switch off or get around the append-only triggers.
 */
@IntegrationTest
class EmbeddedDatabaseLockdownTests {

	/** The tables whose rows may never change nor go. */
	static final List<String> APPEND_ONLY = List.of("portfolio_ledger_entries", "compliance_audit",
			"compliance_decisions", "arrangement_history");

	@Autowired
	DatabaseServer server;

	@Autowired
	DuesProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Creditors creditors;

	@Autowired
	Placements placements;

	@Autowired
	MutableClock clock;

	@Test
	void theApplicationWorksAsARoleThatIsNeitherSuperuserNorOwner() {
		assertThat(this.jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("dues_app");
		assertThat(this.jdbc
			.sql("SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles"
					+ " WHERE rolname = current_user")
			.query(Boolean.class)
			.single()).isFalse();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace
				AND relowner = 'dues_app'::regrole AND relkind IN ('r', 'p', 'v', 'm')""")
			.query(Integer.class)
			.single()).as("the application owns no table of Dues'").isZero();
		assertThat(this.jdbc.sql("SELECT has_parameter_privilege('session_replication_role', 'SET')")
			.query(Boolean.class)
			.single()).as("the import's fast path stays").isTrue();
	}

	@Test
	void theApplicationRoleCannotDisableTheAppendOnlyTriggers() throws SQLException {
		try (Connection app = this.server.applicationConnection(); Statement sql = app.createStatement()) {
			for (String table : APPEND_ONLY) {
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> sql.execute("ALTER TABLE " + table + " DISABLE TRIGGER ALL"))
					.withMessageContaining("must be owner");
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> sql.execute("TRUNCATE " + table + " CASCADE"))
					.withMessageContaining("permission denied");
			}
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> sql.execute("DROP TABLE portfolio_ledger_entries CASCADE"))
				.withMessageContaining("must be owner");
		}
	}

	@Test
	void replicaModeDoesNotSilenceTheAppendOnlyTriggers() throws SQLException {
		Portfolios portfolios = new Portfolios(this.creditors, this.placements, this.clock);
		portfolios.overdue(portfolios.indianNbfc(), 40, "12500.00");
		assertThat(this.jdbc.sql("""
				SELECT t.tgenabled FROM pg_trigger t WHERE NOT t.tgisinternal
				AND t.tgrelid IN ('portfolio_ledger_entries'::regclass, 'compliance_audit'::regclass,
				    'compliance_decisions'::regclass, 'arrangement_history'::regclass)""").query(String.class).list())
			.as("every append-only trigger fires ALWAYS")
			.hasSize(4)
			.containsOnly("A");
		try (Connection app = this.server.applicationConnection(); Statement sql = app.createStatement()) {
			app.setAutoCommit(false);
			sql.execute("SET LOCAL session_replication_role = replica");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> sql.execute("UPDATE portfolio_ledger_entries SET principal = principal + 1"))
				.withMessageContaining("append-only");
			app.rollback();
			sql.execute("SET LOCAL session_replication_role = replica");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> sql.execute("DELETE FROM portfolio_ledger_entries"))
				.withMessageContaining("append-only");
			app.rollback();
		}
		// As a superuser (an administrator of the machine), the same update goes through
		// with the trigger disabled: the test above would notice a trigger that did not
		// fire.
		try (Connection admin = this.server.superuserConnection(); Statement sql = admin.createStatement()) {
			admin.setAutoCommit(false);
			sql.execute("ALTER TABLE portfolio_ledger_entries DISABLE TRIGGER portfolio_ledger_entries_no_change");
			assertThat(sql.executeUpdate("UPDATE portfolio_ledger_entries SET principal = principal")).isPositive();
			admin.rollback();
		}
	}

	@Test
	void noConnectionWithoutThePassword() {
		for (String role : List.of("postgres", "dues_owner", "dues_app")) {
			Properties noPassword = new Properties();
			noPassword.setProperty("user", role);
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(this.server.url(), noPassword).close());
			Properties wrong = new Properties();
			wrong.setProperty("user", role);
			wrong.setProperty("password", "postgres");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(this.server.url(), wrong).close())
				.withMessageContaining("password authentication failed");
		}
	}

	@Test
	void noSocketAndThePasswordsAndDataAreTheOwnersOnly() throws Exception {
		try (Connection admin = this.server.superuserConnection();
				var settings = admin.createStatement().executeQuery("SHOW unix_socket_directories")) {
			assertThat(settings.next()).isTrue();
			assertThat(settings.getString(1)).isEmpty();
		}
		int port = this.jdbc.sql("SELECT current_setting('port')::int").query(Integer.class).single();
		assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
		Path data = this.properties.dataDir().toAbsolutePath();
		assertThat(permissions(data.resolve("postgres.pgpass"))).isEqualTo("rw-------");
		assertThat(permissions(data.resolve("postgres"))).isEqualTo("rwx------");
		assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))
			.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#")))
			.allSatisfy((line) -> assertThat(line).endsWith("scram-sha-256"))
			.noneMatch((line) -> line.startsWith("local"));
		assertThat(permissions(EmbeddedDatabase.binaries())).isEqualTo("rwx------");
	}

	private static String permissions(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
