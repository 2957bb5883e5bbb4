package org.dues.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two roles Dues uses on the embedded server, made and brought up to date by its
 * superuser at every start, before the migrations:
 * <ul>
 * <li>{@value #OWNER} owns the schema's objects and runs the migrations;</li>
 * <li>{@value #APPLICATION}, which the application's pool connects as, owns nothing of
 * Dues': it reads and writes rows (granted by default privileges, so a later migration
 * needs nothing of its own), creates temporary tables, creates the import's handover
 * tables in the schema {@value #HANDOVER} and nowhere else, and may
 * {@code SET session_replication_role} for the import's fast path. Not being an owner, it
 * cannot {@code ALTER TABLE ... DISABLE TRIGGER}, and the append-only triggers fire
 * always (the migrations' {@code afterMigrate} callback), replica or not. It has no
 * {@code TRUNCATE}, and nothing on Flyway's history (the callback revokes it).</li>
 * </ul>
 * Nobody but {@value #OWNER} creates anything in {@code public}, the schema the owner
 * resolves names in: a function the application's role could put there (say a
 * {@code format(text, regclass, name)} that out-matches {@code pg_catalog.format}) would
 * run as the owner at the next start. The owner's search path is {@code public} alone,
 * {@code pg_catalog} implicitly first, and {@value #HANDOVER} is on no role's path.
 *
 * <p>
 * A data directory from before, where {@code postgres} owned everything, is converted:
 * its objects change owner to {@value #OWNER}. One where the application's role could
 * create in {@code public} loses what that role made there but for the import's handover
 * tables (the import's settling drops those).
 */
final class DatabaseRoles {

	static final String OWNER = "dues_owner";

	static final String APPLICATION = "dues_app";

	/** The schema of the import's handover tables. */
	static final String HANDOVER = "dues_handover";

	private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

	private DatabaseRoles() {
	}

	static void prepare(Connection superuser, String ownerPassword, String applicationPassword) throws SQLException {
		boolean autoCommit = superuser.getAutoCommit();
		superuser.setAutoCommit(false);
		try (Statement sql = superuser.createStatement()) {
			// Nothing this session runs resolves a name outside pg_catalog unqualified.
			sql.execute("SET LOCAL search_path = pg_catalog");
			sql.execute(
					"""
							DO $$ BEGIN
							    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dues_owner') THEN CREATE ROLE dues_owner; END IF;
							    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dues_app') THEN CREATE ROLE dues_app; END IF;
							END $$""");
			sql.execute(role(OWNER, ownerPassword));
			sql.execute(role(APPLICATION, applicationPassword));
			sql.execute(TO_OWNER);
			dropWhatTheApplicationMadeInPublic(sql);
			sql.execute("""
					GRANT CONNECT, CREATE, TEMPORARY ON DATABASE postgres TO dues_owner;
					GRANT CONNECT, TEMPORARY ON DATABASE postgres TO dues_app;
					GRANT USAGE, CREATE ON SCHEMA public TO dues_owner;
					REVOKE CREATE ON SCHEMA public FROM PUBLIC, dues_app;
					GRANT USAGE ON SCHEMA public TO dues_app;
					-- the import's handover tables, which a second session fills
					CREATE SCHEMA IF NOT EXISTS dues_handover AUTHORIZATION dues_owner;
					GRANT USAGE, CREATE ON SCHEMA dues_handover TO dues_app;
					ALTER ROLE dues_owner SET search_path = public;
					ALTER ROLE dues_app SET search_path = public;
					GRANT SET ON PARAMETER session_replication_role TO dues_app;
					ALTER DEFAULT PRIVILEGES FOR ROLE dues_owner IN SCHEMA public
					    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO dues_app;
					ALTER DEFAULT PRIVILEGES FOR ROLE dues_owner IN SCHEMA public
					    GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO dues_app;
					GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO dues_app;
					GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO dues_app;
					DO $$ BEGIN
					    IF to_regclass('public.flyway_schema_history') IS NOT NULL THEN
					        REVOKE ALL ON public.flyway_schema_history FROM dues_app;
					    END IF;
					END $$""");
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

	/**
	 * Drops what the application's role made in {@code public} when it could, the
	 * import's handover tables aside: nothing of Dues' is among it, and a function or
	 * operator there is what this layout keeps out.
	 */
	private static void dropWhatTheApplicationMadeInPublic(Statement sql) throws SQLException {
		List<String> drops = new ArrayList<>();
		try (ResultSet found = sql.executeQuery(APPLICATIONS_IN_PUBLIC)) {
			while (found.next()) {
				drops.add(found.getString(1));
			}
		}
		for (String drop : drops) {
			log.warn("Dropping what the application's role {} made in the schema public: {}", APPLICATION, drop);
			sql.execute(drop);
		}
	}

	private static final String APPLICATIONS_IN_PUBLIC = """
			SELECT format('DROP %s IF EXISTS %s CASCADE', CASE p.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END,
			    p.oid::regprocedure)
			FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace AND p.proowner = 'dues_app'::regrole
			UNION ALL
			SELECT format('DROP OPERATOR IF EXISTS %s CASCADE', o.oid::regoperator)
			FROM pg_operator o WHERE o.oprnamespace = 'public'::regnamespace AND o.oprowner = 'dues_app'::regrole
			UNION ALL
			SELECT format('DROP %s IF EXISTS %s CASCADE', CASE c.relkind WHEN 'v' THEN 'VIEW'
			    WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
			    WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END, c.oid::regclass)
			FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relowner = 'dues_app'::regrole
			  AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND c.relname !~ '^import_handover_[0-9a-f]{32}_[0-9]+$'
			  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			      AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
			UNION ALL
			SELECT format('DROP TYPE IF EXISTS %s CASCADE', t.oid::regtype)
			FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typowner = 'dues_app'::regrole
			  AND t.typtype IN ('e', 'd', 'r')""";

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
