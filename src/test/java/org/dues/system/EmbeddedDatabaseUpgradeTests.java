package org.dues.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A data directory of an earlier Dues (every local connection trusted, everything owned
 * by {@code postgres}) starts, keeps its data, and is locked down on the way.
 */
class EmbeddedDatabaseUpgradeTests {

	@TempDir
	Path data;

	@Test
	void aTrustingClusterFromBeforeIsLockedDownAndKeepsItsData() throws Exception {
		Path cluster = this.data.resolve("postgres");
		Files.createDirectories(cluster);
		try (EmbeddedPostgres before = EmbeddedPostgres.builder()
			.setDataDirectory(cluster)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start(); Connection connection = before.getPostgresDatabase().getConnection()) {
			connection.createStatement().execute("""
					CREATE EXTENSION pg_trgm;
					CREATE TABLE ledger (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount int);
					CREATE FUNCTION ledger_append_only() RETURNS trigger AS $$
					BEGIN RAISE EXCEPTION 'ledger is append-only'; END $$ LANGUAGE plpgsql;
					CREATE TRIGGER ledger_no_change BEFORE UPDATE OR DELETE ON ledger
					    FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
					INSERT INTO ledger (amount) VALUES (42)""");
		}

		try (DatabaseServer server = EmbeddedDatabase.start(this.data, false)) {
			try (Connection app = server.applicationConnection(); Statement sql = app.createStatement()) {
				ResultSet kept = sql.executeQuery("SELECT amount, current_user FROM ledger");
				assertThat(kept.next()).isTrue();
				assertThat(kept.getInt(1)).isEqualTo(42);
				assertThat(kept.getString(2)).isEqualTo("dues_app");
				sql.execute("INSERT INTO ledger (amount) VALUES (7)");
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> sql.execute("ALTER TABLE ledger DISABLE TRIGGER ledger_no_change"))
					.withMessageContaining("must be owner");
			}
			try (Connection admin = Superuser.connection(server);
					ResultSet owners = admin.createStatement()
						.executeQuery("SELECT 'ledger'::regclass::oid::regclass, (SELECT relowner::regrole::text FROM"
								+ " pg_class WHERE relname = 'ledger'), (SELECT proowner::regrole::text FROM pg_proc"
								+ " WHERE proname = 'ledger_append_only')")) {
				assertThat(owners.next()).isTrue();
				assertThat(owners.getString(2)).isEqualTo("dues_owner");
				assertThat(owners.getString(3)).isEqualTo("dues_owner");
			}
			Properties trusted = new Properties();
			trusted.setProperty("user", "postgres");
			assertThatExceptionOfType(SQLException.class).as("the trust that let any local user in is gone")
				.isThrownBy(() -> DriverManager.getConnection(server.url(), trusted).close());
		}

		// And the next start finds it locked down already.
		try (DatabaseServer again = EmbeddedDatabase.start(this.data, false);
				Connection app = again.applicationConnection();
				ResultSet rows = app.createStatement().executeQuery("SELECT count(*) FROM ledger")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getInt(1)).isEqualTo(2);
		}
	}

	/**
	 * A data directory of the layout before, where the application's role could create in
	 * {@code public}, the schema the owner resolves names in, and had planted a function
	 * there that out-matches {@code pg_catalog.format} for the owner's callback.
	 */
	@Test
	void whatTheApplicationRolePlantedInPublicIsGoneAndItCreatesNoMoreThere() throws Exception {
		try (DatabaseServer server = EmbeddedDatabase.start(this.data, false)) {
			try (Connection admin = Superuser.connection(server); Statement sql = admin.createStatement()) {
				sql.execute("""
						GRANT CREATE ON SCHEMA public TO dues_app;
						DROP SCHEMA dues_handover;
						ALTER ROLE dues_owner RESET search_path;
						ALTER ROLE dues_app RESET search_path""");
			}
			try (Connection app = server.applicationConnection(); Statement sql = app.createStatement()) {
				sql.execute("""
						CREATE FUNCTION public.format(text, regclass, name) RETURNS text LANGUAGE sql
						    AS 'SELECT ''ALTER ROLE dues_app SUPERUSER''';
						CREATE TABLE public.planted (id int);
						CREATE UNLOGGED TABLE public.import_handover_0123456789abcdef0123456789abcdef_1 (line int)""");
			}
		}

		try (DatabaseServer server = EmbeddedDatabase.start(this.data, false)) {
			try (Connection admin = Superuser.connection(server);
					ResultSet left = admin.createStatement().executeQuery("""
							SELECT (SELECT count(*) FROM pg_proc WHERE proname = 'format'
							            AND pronamespace = 'public'::regnamespace),
							       to_regclass('public.planted') IS NULL,
							       to_regclass('public.import_handover_0123456789abcdef0123456789abcdef_1') IS NOT NULL,
							       has_schema_privilege('dues_app', 'public', 'CREATE'),
							       has_schema_privilege('dues_app', 'dues_handover', 'CREATE')""")) {
				assertThat(left.next()).isTrue();
				assertThat(left.getInt(1)).as("the planted function is gone").isZero();
				assertThat(left.getBoolean(2)).as("the planted table is gone").isTrue();
				assertThat(left.getBoolean(3)).as("a handover table is left to the import's settling").isTrue();
				assertThat(left.getBoolean(4)).isFalse();
				assertThat(left.getBoolean(5)).isTrue();
			}
			try (Connection app = server.applicationConnection(); Statement sql = app.createStatement()) {
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> sql.execute("CREATE FUNCTION public.x() RETURNS int LANGUAGE sql AS 'SELECT 1'"))
					.withMessageContaining("permission denied for schema public");
				sql.execute("DROP TABLE public.import_handover_0123456789abcdef0123456789abcdef_1");
			}
		}
	}

}
