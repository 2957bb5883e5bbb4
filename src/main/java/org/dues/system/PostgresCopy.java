package org.dues.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOperation;
import org.postgresql.copy.CopyOut;

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
	 * @throws IllegalArgumentException when the input holds a NUL character, which
	 * PostgreSQL text cannot hold
	 */
	public static void in(DataSource dataSource, String sql, CharSequence data) {
		if (data.isEmpty()) {
			return;
		}
		for (int i = 0; i < data.length(); i++) {
			if (data.charAt(i) == '\u0000') {
				// The database would refuse the whole COPY with its own words.
				throw new IllegalArgumentException("COPY input holds a NUL character at " + i);
			}
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn(sql,
						// read in place: a bulk posting's input runs to tens of megabytes
						new org.apache.commons.io.input.CharSequenceReader(data));
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/**
	 * Streams the output of a {@code COPY ... TO STDOUT} on the connection of the current
	 * transaction into a {@code COPY ... FROM STDIN} on another connection, without
	 * holding more than one buffer of it.
	 * @return the rows copied
	 */
	public static long between(DataSource from, String copyOut, Connection to, String copyIn) {
		Connection connection = DataSourceUtils.getConnection(from);
		CopyOut out = null;
		CopyIn in = null;
		try {
			out = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOut);
			in = to.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn);
			byte[] buffer;
			while ((buffer = out.readFromCopy()) != null) {
				in.writeToCopy(buffer, 0, buffer.length);
			}
			return in.endCopy();
		}
		catch (SQLException ex) {
			cancel(out);
			cancel(in);
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, from);
		}
	}

	private static void cancel(@Nullable CopyOperation copy) {
		if (copy != null && copy.isActive()) {
			try {
				copy.cancelCopy();
			}
			catch (SQLException ex) {
				// The connection is closed or its transaction failed: nothing left to
				// cancel.
			}
		}
	}

}
