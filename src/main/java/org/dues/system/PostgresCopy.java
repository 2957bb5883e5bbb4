package org.dues.system;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * PostgreSQL {@code COPY ... FROM STDIN} on the connection of the current transaction,
 * for bulk paths that stage rows in tables of that transaction.
 */
public final class PostgresCopy {

	private PostgresCopy() {
	}

	/**
	 * Runs the {@code COPY} statement with the given input ({@code CopyText} rows for
	 * {@code FORMAT csv}); nothing is sent for empty input.
	 */
	public static void in(DataSource dataSource, String sql, CharSequence data) {
		if (data.isEmpty()) {
			return;
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data.toString()));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

}
