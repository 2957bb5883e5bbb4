package org.dues.system;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Row-level triggers, and with them PostgreSQL's foreign-key checks (one query and one
 * row lock per written row, the largest single cost of a million-row import), switched
 * off for a bulk write that guarantees referential integrity itself, set-based: it takes
 * the parent rows it references from the same transaction (rows it inserted, or rows it
 * locked against deletion), as the row checks would have. The constraints stay declared
 * and every other session keeps checking them row by row.
 *
 * <p>
 * Uses {@code SET LOCAL session_replication_role = replica}, the setting
 * {@code pg_restore --disable-triggers} uses. Only a role that may set it can (a
 * superuser, or a role granted {@code SET} on it, as the embedded database's application
 * role is); any other gets the row-by-row checks, correct and slower. So that no
 * behaviour is lost, the triggers stay on when any table the write touches has a trigger
 * of its own for the events the write does that replica mode would skip. Dues' own
 * triggers are all {@code ENABLE ALWAYS} (the migrations' {@code afterMigrate} callback):
 * they fire in replica mode too, so neither this nor a rogue session setting it skips
 * them.
 */
public final class RowTriggers {

	private static final int INSERT = 1 << 2;

	private static final int UPDATE = 1 << 4;

	private RowTriggers() {
	}

	/**
	 * Switches row triggers off until {@link #resume} or the end of the current
	 * transaction, when that is allowed and skips no user trigger.
	 * @param writes the tables the caller writes, each with whether it also updates rows
	 * (true) or only inserts them (false)
	 * @return whether they are off
	 */
	public static boolean suspend(JdbcClient jdbc, Map<String, Boolean> writes) {
		boolean allowed = jdbc.sql("""
				SELECT rolsuper FROM pg_roles WHERE rolname = current_user""").query(Boolean.class).single()
				|| (jdbc.sql("SELECT current_setting('server_version_num')::int >= 150000")
					.query(Boolean.class)
					.single()
						&& jdbc.sql("SELECT has_parameter_privilege('session_replication_role', 'SET')")
							.query(Boolean.class)
							.single());
		if (!allowed) {
			return false;
		}
		for (Map.Entry<String, Boolean> table : writes.entrySet()) {
			int events = INSERT | (table.getValue() ? UPDATE : 0);
			int own = jdbc.sql("""
					SELECT count(*) FROM pg_trigger
					WHERE tgrelid = to_regclass(:table) AND NOT tgisinternal AND tgenabled IN ('O', 'R')
					  AND (tgtype & :events) <> 0""")
				.param("table", table.getKey())
				.param("events", events)
				.query(Integer.class)
				.single();
			if (own > 0) {
				return false;
			}
		}
		jdbc.sql("SET LOCAL session_replication_role = replica").update();
		return true;
	}

	/**
	 * Runs a bulk write with row triggers off where {@link #suspend} allows it, and on
	 * again after it, whether it succeeds or not.
	 * @param writes the tables the write touches, as for {@link #suspend}
	 */
	public static void during(JdbcClient jdbc, Map<String, Boolean> writes, Runnable write) {
		boolean off = suspend(jdbc, writes);
		try {
			write.run();
		}
		finally {
			if (off) {
				resume(jdbc);
			}
		}
	}

	/** Switches row triggers back on for the rest of the transaction. */
	public static void resume(JdbcClient jdbc) {
		jdbc.sql("SET LOCAL session_replication_role = origin").update();
	}

}
