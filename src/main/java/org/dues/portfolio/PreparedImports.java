package org.dues.portfolio;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Settles what a stop may leave of an import that wrote its new rows in a
 * {@link NewRowsSession}: its prepared transaction, committed when the import's own
 * transaction committed and rolled back when it did not (its name holds that
 * transaction's id; a transaction still in progress is left to its import), and the
 * handover tables of imports no longer running. Runs on a connection of its own, outside
 * any transaction, as {@code COMMIT PREPARED} must.
 */
final class PreparedImports {

	private static final Logger log = LoggerFactory.getLogger(PreparedImports.class);

	private PreparedImports() {
	}

	/**
	 * Settles every import left prepared.
	 * @param lockedCreditor a creditor whose import lock the caller holds, so that none
	 * of its imports is running elsewhere; null when none
	 * @return the prepared transactions settled
	 */
	static int settle(DataSource dataSource, @Nullable UUID lockedCreditor) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(true);
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			int settled = 0;
			for (String name : jdbc
				.sql("""
						SELECT gid FROM pg_prepared_xacts WHERE database = current_database() AND starts_with(gid, :prefix)""")
				.param("prefix", NewRowsSession.GID_PREFIX)
				.query(String.class)
				.list()) {
				String[] parts = name.substring(NewRowsSession.GID_PREFIX.length()).split("/");
				String fate = (parts.length != 2) ? null
						: jdbc.sql("SELECT pg_xact_status(CAST(:xid AS xid8))")
							.param("xid", parts[1])
							.query(String.class)
							.optional()
							.orElse(null);
				if ("committed".equals(fate)) {
					jdbc.sql("COMMIT PREPARED '" + name + "'").update();
					log.warn("Committed the new rows of import {}, left prepared by a stop", parts[0]);
					settled++;
				}
				else if ("aborted".equals(fate)) {
					jdbc.sql("ROLLBACK PREPARED '" + name + "'").update();
					log.warn("Rolled back the new rows of import {}, whose own transaction did not commit", parts[0]);
					settled++;
				}
				else if (!"in progress".equals(fate)) {
					log.error("Prepared transaction {} is left: the fate of its import's transaction is unknown", name);
				}
			}
			for (Left left : jdbc.sql("""
					SELECT t.tablename AS name, i.id AS import_id, i.creditor_id, i.status FROM pg_tables t
					LEFT JOIN portfolio_imports i ON i.id = CAST(substr(t.tablename, length(:prefix) + 1, 32) AS uuid)
					WHERE t.schemaname = current_schema() AND starts_with(t.tablename, :prefix)""")
				.param("prefix", NewRowsSession.HANDOVER_PREFIX)
				.query(Left.class)
				.list()) {
				if (!"RUNNING".equals(left.status()) || dead(jdbc, left, lockedCreditor)) {
					jdbc.sql("DROP TABLE IF EXISTS " + left.name()).update();
				}
			}
			return settled;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("could not settle prepared imports: " + ex.getMessage(), ex);
		}
	}

	/** Whether a RUNNING import died: no node holds its creditor's import lock. */
	private static boolean dead(JdbcClient jdbc, Left left, @Nullable UUID lockedCreditor) {
		if (left.creditorId() == null) {
			return true;
		}
		if (left.creditorId().equals(lockedCreditor)) {
			return true;
		}
		String key = "import/" + left.creditorId();
		boolean free = jdbc.sql("SELECT pg_try_advisory_lock(hashtextextended(:key, 0))")
			.param("key", key)
			.query(Boolean.class)
			.single();
		if (free) {
			jdbc.sql("SELECT pg_advisory_unlock(hashtextextended(:key, 0))")
				.param("key", key)
				.query(Boolean.class)
				.single();
		}
		return free;
	}

	/** A handover table, and its import when there is one. */
	record Left(String name, @Nullable UUID importId, @Nullable UUID creditorId, @Nullable String status) {
	}

}
