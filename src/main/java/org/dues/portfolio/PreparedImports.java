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
 * Settles what a stop may leave of an import that placed its new accounts in a
 * {@link NewAccountsSession}: its prepared transaction, committed when the import's own
 * transaction committed (the import is COMPLETED) and rolled back when it did not
 * (FAILED, or RUNNING with no node holding its creditor's import lock), and its handover
 * table. Runs on a connection of its own, outside any transaction, as
 * {@code COMMIT PREPARED} must.
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
			for (Left left : jdbc.sql("""
					SELECT x.gid AS name, i.id AS import_id, i.creditor_id, i.status FROM pg_prepared_xacts x
					LEFT JOIN portfolio_imports i ON i.id::text = substr(x.gid, length(:prefix) + 1)
					WHERE x.database = current_database() AND starts_with(x.gid, :prefix)""")
				.param("prefix", NewAccountsSession.GID_PREFIX)
				.query(Left.class)
				.list()) {
				if ("COMPLETED".equals(left.status())) {
					jdbc.sql("COMMIT PREPARED '" + left.name() + "'").update();
					log.warn("Committed the new accounts of import {}, left prepared by a stop", left.importId());
					settled++;
				}
				else if (!"RUNNING".equals(left.status()) || dead(jdbc, left, lockedCreditor)) {
					jdbc.sql("ROLLBACK PREPARED '" + left.name() + "'").update();
					log.warn("Rolled back the new accounts of unfinished import {}", left.importId());
					settled++;
				}
			}
			for (Left left : jdbc.sql("""
					SELECT t.tablename AS name, i.id AS import_id, i.creditor_id, i.status FROM pg_tables t
					LEFT JOIN portfolio_imports i ON i.id = CAST(substr(t.tablename, length(:prefix) + 1) AS uuid)
					WHERE t.schemaname = current_schema() AND starts_with(t.tablename, :prefix)""")
				.param("prefix", NewAccountsSession.HANDOVER_PREFIX)
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

	/** A prepared transaction or handover table, and its import when there is one. */
	record Left(String name, @Nullable UUID importId, @Nullable UUID creditorId, @Nullable String status) {
	}

}
