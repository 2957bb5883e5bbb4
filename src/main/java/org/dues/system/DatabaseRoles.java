package org.dues.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The two roles Dues uses on the embedded server, made and brought up to date by its
 * superuser at every start, before the migrations:
 * <ul>
 * <li>{@value #OWNER} owns the schema's objects and runs the migrations;</li>
 * <li>{@value #APPLICATION}, which the application's pool connects as, owns nothing of
 * Dues': it reads and writes rows (granted by default privileges, so a later migration
 * needs nothing of its own), creates temporary tables and the import's handover tables,
 * and may {@code SET session_replication_role} for the import's fast path. Not being an
 * owner, it cannot {@code ALTER TABLE ... DISABLE TRIGGER}, and the append-only triggers
 * fire always (the migrations' {@code afterMigrate} callback), replica or not. It has no
 * {@code TRUNCATE}.</li>
 * </ul>
 * A data directory from before, where {@code postgres} owned everything, is converted:
 * its objects change owner to {@value #OWNER}.
 */
final class DatabaseRoles {

	static final String OWNER = "dues_owner";

	static final String APPLICATION = "dues_app";

	private DatabaseRoles() {
	}

	static void prepare(Connection superuser, String ownerPassword, String applicationPassword) throws SQLException {
		boolean autoCommit = superuser.getAutoCommit();
		superuser.setAutoCommit(false);
		try (Statement sql = superuser.createStatement()) {
			sql.execute(
					"""
							DO $$ BEGIN
							    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dues_owner') THEN CREATE ROLE dues_owner; END IF;
							    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dues_app') THEN CREATE ROLE dues_app; END IF;
							END $$""");
			sql.execute(role(OWNER, ownerPassword));
			sql.execute(role(APPLICATION, applicationPassword));
			sql.execute(TO_OWNER);
			sql.execute("""
					GRANT CONNECT, CREATE, TEMPORARY ON DATABASE postgres TO dues_owner;
					GRANT CONNECT, TEMPORARY ON DATABASE postgres TO dues_app;
					GRANT USAGE, CREATE ON SCHEMA public TO dues_owner;
					-- CREATE for the import's handover tables, which a second session fills
					GRANT USAGE, CREATE ON SCHEMA public TO dues_app;
					GRANT SET ON PARAMETER session_replication_role TO dues_app;
					ALTER DEFAULT PRIVILEGES FOR ROLE dues_owner IN SCHEMA public
					    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO dues_app;
					ALTER DEFAULT PRIVILEGES FOR ROLE dues_owner IN SCHEMA public
					    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO dues_app;
					GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO dues_app;
					GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO dues_app""");
			superuser.commit();
		}
		catch (SQLException | RuntimeException ex) {
			superuser.rollback();
			throw ex;
		}
		finally {
			superuser.setAutoCommit(autoCommit);
		}
	}

	private static String role(String name, String password) {
		if (password.contains("'")) {
			throw new IllegalArgumentException("a generated password has no quote");
		}
		return "ALTER ROLE %s WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '%s'"
			.formatted(name, password);
	}

	/**
	 * What {@code postgres} owns in the schema, but for what belongs to an extension or
	 * follows its table (indexes, identity and serial sequences), changes owner.
	 */
	private static final String TO_OWNER = """
			DO $$
			DECLARE
			    change record;
			BEGIN
			    FOR change IN
			        SELECT format('ALTER %s %s OWNER TO dues_owner', CASE c.relkind WHEN 'v' THEN 'VIEW'
			            WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
			            ELSE 'TABLE' END, c.oid::regclass) AS statement
			        FROM pg_class c
			        WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'postgres'::regrole
			          AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
			          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			              AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
			        UNION ALL
			        SELECT format('ALTER ROUTINE %s OWNER TO dues_owner', p.oid::regprocedure)
			        FROM pg_proc p
			        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'postgres'::regrole
			          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
			              AND d.objid = p.oid AND d.deptype = 'e')
			        UNION ALL
			        SELECT format('ALTER TYPE %s OWNER TO dues_owner', t.oid::regtype)
			        FROM pg_type t
			        WHERE t.typnamespace = 'public'::regnamespace AND t.typowner = 'postgres'::regrole
			          AND t.typtype IN ('e', 'd', 'r')
			          AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
			              AND d.objid = t.oid AND d.deptype = 'e')
			    LOOP
			        EXECUTE change.statement;
			    END LOOP;
			END $$""";

}
