package org.dues.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.dues.IntegrationTest;
import org.dues.MutableClock;
import org.dues.Portfolios;
import org.dues.compliance.Channel;
import org.dues.compliance.ConsentKind;
import org.dues.compliance.ContactHolds;
import org.dues.compliance.ContactHolds.HoldView;
import org.dues.compliance.ContactPreferences;
import org.dues.compliance.HoldType;
import org.dues.portfolio.AccountView;
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
	Portfolios portfolios;

	@Autowired
	DatabaseServer server;

	@Autowired
	DuesProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContactHolds holds;

	@Autowired
	ContactPreferences preferences;

	@Test
	void theServersOwnOutputGoesToAnOwnerOnlyFileNotTheConsole() throws Exception {
		Path log = this.properties.dataDir().resolve("logs/postgres.log");
		assertThat(log).exists();
		assertThat(Files.readString(log)).as("initdb's output and the server's log")
			.contains("Success")
			.contains("database system is ready to accept connections");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.getParent())))
			.isEqualTo("rwx------");
	}

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
		this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "12500.00");
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
		try (Connection admin = Superuser.connection(this.server); Statement sql = admin.createStatement()) {
			admin.setAutoCommit(false);
			sql.execute("ALTER TABLE portfolio_ledger_entries DISABLE TRIGGER portfolio_ledger_entries_no_change");
			assertThat(sql.executeUpdate("UPDATE portfolio_ledger_entries SET principal = principal")).isPositive();
			admin.rollback();
		}
	}

	@Test
	void theApplicationRoleCreatesNothingWhereTheOwnerResolvesNames() throws SQLException {
		try (Connection app = this.server.applicationConnection(); Statement sql = app.createStatement()) {
			for (String create : List.of(
					"CREATE FUNCTION public.format(text, regclass, name) RETURNS text LANGUAGE sql AS 'SELECT $1'",
					"CREATE FUNCTION x() RETURNS int LANGUAGE sql AS 'SELECT 1'",
					"CREATE TABLE public.planted (id int)", "CREATE TABLE planted (id int)",
					"CREATE VIEW public.planted AS SELECT 1", "CREATE TYPE public.planted AS ENUM ('x')")) {
				assertThatExceptionOfType(SQLException.class).as(create)
					.isThrownBy(() -> sql.execute(create))
					.withMessageContaining("permission denied for schema public");
			}
			// where it may create, the import's handover tables, nobody resolves names
			sql.execute("CREATE UNLOGGED TABLE dues_handover.probe (id int)");
			sql.execute("DROP TABLE dues_handover.probe");
		}
		assertThat(this.jdbc.sql("""
				SELECT r.rolname || ':' || coalesce(array_to_string(s.setconfig, ','), '') FROM pg_roles r
				LEFT JOIN pg_db_role_setting s ON s.setrole = r.oid AND s.setdatabase = 0
				WHERE r.rolname IN ('dues_owner', 'dues_app') ORDER BY r.rolname""").query(String.class).list())
			.as("pg_catalog comes first, and nobody has dues_handover on their path")
			.containsExactly("dues_app:search_path=public", "dues_owner:search_path=public");
	}

	@Test
	void theApplicationRoleCannotTouchTheMigrationsHistory() throws SQLException {
		try (Connection app = this.server.applicationConnection(); Statement sql = app.createStatement()) {
			for (String statement : List.of("SELECT count(*) FROM flyway_schema_history",
					"UPDATE flyway_schema_history SET checksum = 0",
					"DELETE FROM flyway_schema_history WHERE version = '20261205150100'",
					"INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
							+ " installed_by, execution_time, success) VALUES (9999, '99999999999999', 'x', 'SQL',"
							+ " 'x', 'x', 0, true)")) {
				assertThatExceptionOfType(SQLException.class).as(statement)
					.isThrownBy(() -> sql.execute(statement))
					.withMessageContaining("permission denied");
			}
		}
	}

	@Test
	void holdsConsentsBlackoutsAndBansCanOnlyBeLiftedOnce() throws SQLException {
		AccountView account = this.portfolios.overdue(this.portfolios.indianNbfc(), 40, "12500.00");
		HoldView hold = this.holds.place(account.customerId(), List.of(account.id().value()), HoldType.COMPLAINT, null,
				null, "Complaint received", "agent");
		this.preferences.consent(account.customerId(), ConsentKind.ADDITIONAL_CALLS, List.of(), null, null,
				"Asked to be called back", "agent");
		this.preferences.blackout(account.customerId(), Set.of(DayOfWeek.SUNDAY), null, null, null, null,
				"No calls on Sundays", "agent");
		this.preferences.ban(account.customerId(), Channel.SMS, null, null, "Asked for no texts", "agent");
		for (String table : List.of("compliance_holds", "compliance_consents", "compliance_blackouts",
				"compliance_channel_bans", "compliance_policies")) {
			try (Connection app = this.server.applicationConnection(); Statement sql = app.createStatement()) {
				app.setAutoCommit(false);
				// not even where foreign keys are not checked
				sql.execute("SET LOCAL session_replication_role = replica");
				assertThatExceptionOfType(SQLException.class).as(table)
					.isThrownBy(() -> sql.execute("DELETE FROM " + table))
					.withMessageMatching("(?s).*(keeps every record|append-only).*");
				app.rollback();
			}
		}
		try (Connection app = this.server.applicationConnection(); Statement sql = app.createStatement()) {
			app.setAutoCommit(false);
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> sql
					.execute("UPDATE compliance_holds SET reason = 'nothing' WHERE id = '%s'".formatted(hold.id())))
				.withMessageContaining("append-only");
			app.rollback();
			assertThatExceptionOfType(SQLException.class).as("a lift that lifts nothing")
				.isThrownBy(() -> sql
					.execute("UPDATE compliance_holds SET lift_reason = 'x' WHERE id = '%s'".formatted(hold.id())))
				.withMessageContaining("append-only");
			app.rollback();
		}
		// Lifting through the application still works, once.
		this.holds.lift(hold.id(), "Complaint resolved", Actor.of("officer", "ROLE_COMPLIANCE"));
		assertThat(this.holds.ofCustomer(account.customerId())).singleElement()
			.satisfies((lifted) -> assertThat(lifted.liftedBy()).isEqualTo("officer"));
		try (Connection app = this.server.applicationConnection(); Statement sql = app.createStatement()) {
			assertThatExceptionOfType(SQLException.class).as("lifted again, or unlifted")
				.isThrownBy(() -> sql.execute("UPDATE compliance_holds SET lifted_at = NULL, lifted_by = NULL"
						+ " WHERE id = '%s'".formatted(hold.id())))
				.withMessageContaining("append-only");
		}
		assertThat(this.holds.ofCustomer(account.customerId())).singleElement()
			.satisfies((lifted) -> assertThat(lifted.liftedAt()).isNotNull());
	}

	@Test
	void aRoleThatCouldSwitchTheTriggersOffIsWarnedOf() {
		assertThat(DatabaseConfiguration.applicationRoleWarning(this.jdbc)).isEmpty();
		assertThat(DatabaseConfiguration.applicationRoleWarning(JdbcClient.create(Superuser.of(this.server))))
			.hasValueSatisfying((warning) -> assertThat(warning).contains("postgres, which is a superuser")
				.contains("can switch off the triggers")
				.contains("docs/security.md"));
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
		try (Connection admin = Superuser.connection(this.server);
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
