package org.dues.portfolio.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Settles what a stop may leave of an import that wrote its new rows in a
 * {@link NewRowsSession}: its prepared transaction, committed when the import's own
 * transaction committed and rolled back when it did not (its name holds that
 * transaction's id; a transaction still in progress is left to its import), and the
 * handover tables of imports no longer running (in their schema, and in the default one
 * where versions before put them). Runs on a connection of its own, outside any
 * transaction, as {@code COMMIT PREPARED} must.
 */
final class PreparedImports {

	private static final Logger log = LoggerFactory.getLogger(PreparedImports.class);

	private PreparedImports() {
	}

	/** The names this class acts on; anything else with the same prefix is left. */
	private static final Pattern GID = Pattern.compile(Pattern.quote(NewRowsSession.GID_PREFIX)
			+ "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/([0-9]+)");

	private static final String HANDOVER = "^" + NewRowsSession.HANDOVER_PREFIX + "[0-9a-f]{32}_[0-9]+$";

	/**
	 * Settles every import left prepared, then drops the handover tables of imports no
	 * longer running. Safe beside another node doing the same, and beside imports
	 * committing: what is gone meanwhile is skipped.
	 * @param lockedCreditor a creditor whose import lock the caller holds, so that none
	 * of its imports is running elsewhere; null when none
	 * @return the prepared transactions settled
	 */
	static int settle(DataSource dataSource, @Nullable UUID lockedCreditor) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			// A prepared transaction still holding a table's lock is never waited for
			// long.
			jdbc.sql("SET lock_timeout = '5s'").update();
			try {
				return settle(jdbc, lockedCreditor);
			}
			finally {
				jdbc.sql("RESET lock_timeout").update();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not settle prepared imports: " + ex.getMessage(), ex);
		}
	}

	private static int settle(JdbcClient jdbc, @Nullable UUID lockedCreditor) {
		int settled = 0;
		for (String name : jdbc.sql("""
				SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, :prefix)""")
			.param("prefix", NewRowsSession.GID_PREFIX)
			.query(String.class)
			.list()) {
			Matcher gid = GID.matcher(name);
			if (!gid.matches()) {
				log.error("Prepared transaction {} is not an import's: left alone", name);
				continue;
			}
			try {
				String fate = jdbc.sql("SELECT pg_xact_status(CAST(:xid AS xid8))")
					.param("xid", gid.group(2))
					.query(String.class)
					.optional()
					.orElse(null);
				if ("committed".equals(fate)) {
					jdbc.sql("COMMIT PREPARED '" + name + "'").update();
					log.warn("Committed the new rows of import {}, whose own transaction had committed", gid.group(1));
					settled++;
				}
				else if ("aborted".equals(fate)) {
					jdbc.sql("ROLLBACK PREPARED '" + name + "'").update();
					log.warn("Rolled back the new rows of import {}, whose own transaction did not commit",
							gid.group(1));
					settled++;
				}
				else if (!"in progress".equals(fate)) {
					log.error("Prepared transaction {} is left: the fate of its import's transaction is unknown", name);
				}
			}
			catch (DataAccessException ex) {
				// Settled by its import or another node meanwhile.
				log.info("Prepared transaction {} not settled here: {}", name, ex.getMostSpecificCause().getMessage());
			}
		}
		for (Left left : jdbc.sql("""
				SELECT quote_ident(t.schemaname) || '.' || quote_ident(t.tablename) AS name, i.id AS import_id,
				    i.creditor_id, i.status FROM pg_tables t
				LEFT JOIN portfolio_imports i ON i.id = CAST(substr(t.tablename, length(:prefix) + 1, 32) AS uuid)
				WHERE t.schemaname IN (:schema, current_schema()) AND t.tablename ~ :pattern
				    AND pg_has_role(t.tableowner, 'USAGE')""")
			.param("prefix", NewRowsSession.HANDOVER_PREFIX)
			.param("schema", NewRowsSession.HANDOVER_SCHEMA)
			.param("pattern", HANDOVER)
			.query(Left.class)
			.list()) {
			try {
				if (!"RUNNING".equals(left.status()) || dead(jdbc, left, lockedCreditor)) {
					jdbc.sql("DROP TABLE IF EXISTS " + left.name()).update();
				}
			}
			catch (DataAccessException ex) {
				log.info("Handover table {} not dropped here: {}", left.name(), ex.getMostSpecificCause().getMessage());
			}
		}
		return settled;
	}

	/** Whether a RUNNING import died: no node holds its creditor's import lock. */
	private static boolean dead(JdbcClient jdbc, Left left, @Nullable UUID lockedCreditor) {
		if (left.creditorId() == null || left.creditorId().equals(lockedCreditor)) {
			return true;
		}
		// Outside a transaction the lock, when free, is taken and let go at once.
		return jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
			.param("key", "import/" + left.creditorId())
			.query(Boolean.class)
			.single();
	}

	/** A handover table, and its import when there is one. */
	record Left(String name, @Nullable UUID importId, @Nullable UUID creditorId, @Nullable String status) {
	}

}
