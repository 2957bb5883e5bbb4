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
	 * Starts a {@code COPY ... FROM STDIN} on the connection of the current transaction
	 * whose rows are written into {@link Rows#buffer()} one at a time and sent every
	 * megabyte or so, so that a bulk write of 100,000 rows never holds them all (nor the
	 * doubled copies of a growing buffer). No other statement may run on the connection
	 * until the rows are {@link Rows#finish() finished}.
	 */
	public static Rows rows(DataSource dataSource, String sql) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return new Rows(dataSource, connection, connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
		}
		catch (SQLException ex) {
			DataSourceUtils.releaseConnection(connection, dataSource);
			throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
		}
	}

	/** The rows of a {@code COPY} under way ({@link #rows}). */
	public static final class Rows implements AutoCloseable {

		private static final int FLUSH_AT = 1 << 20;

		private final DataSource dataSource;

		private final Connection connection;

		private final CopyIn copy;

		private final StringBuilder buffer = new StringBuilder(FLUSH_AT + (FLUSH_AT >> 2));

		private long sent;

		private boolean finished;

		private Rows(DataSource dataSource, Connection connection, CopyIn copy) {
			this.dataSource = dataSource;
			this.connection = connection;
			this.copy = copy;
		}

		/**
		 * Where the next row goes ({@code CopyText} rows); call {@link #row()} after it.
		 */
		public StringBuilder buffer() {
			return this.buffer;
		}

		/** A row was written into the buffer: sends the buffer when it is full. */
		public void row() {
			if (this.buffer.length() >= FLUSH_AT) {
				flush();
			}
		}

		/**
		 * Sends what is left and ends the {@code COPY}.
		 * @return the rows copied
		 */
		public long finish() {
			flush();
			try {
				long rows = this.copy.endCopy();
				this.finished = true;
				return rows;
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
			}
		}

		/** Cancels the {@code COPY} unless it finished, and lets the connection go. */
		@Override
		public void close() {
			if (!this.finished) {
				cancel(this.copy);
			}
			DataSourceUtils.releaseConnection(this.connection, this.dataSource);
		}

		private void flush() {
			if (this.buffer.isEmpty()) {
				return;
			}
			for (int i = 0; i < this.buffer.length(); i++) {
				if (this.buffer.charAt(i) == '\u0000') {
					throw new IllegalArgumentException("COPY input holds a NUL character at " + (this.sent + i));
				}
			}
			byte[] bytes = this.buffer.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
			try {
				this.copy.writeToCopy(bytes, 0, bytes.length);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY failed: " + ex.getMessage(), ex);
			}
			this.sent += this.buffer.length();
			this.buffer.setLength(0);
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
