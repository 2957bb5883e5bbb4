package org.dues.system;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The PostgreSQL server behind the pool, and the roles Dues uses on it: the application
 * role the pool connects as and, when it is another, the role that runs the migrations
 * and owns the tables. Closing it stops an embedded server.
 */
public final class DatabaseServer implements AutoCloseable {

	private final @Nullable EmbeddedPostgres embedded;

	private final String url;

	private final Login application;

	private final @Nullable Login migration;

	private final @Nullable Login superuser;

	DatabaseServer(@Nullable EmbeddedPostgres embedded, String url, Login application, @Nullable Login migration,
			@Nullable Login superuser) {
		this.embedded = embedded;
		this.url = url;
		this.application = application;
		this.migration = migration;
		this.superuser = superuser;
	}

	/** A role's name and password; either may be null for a server that needs none. */
	record Login(@Nullable String username, @Nullable String password) {

		@Override
		public String toString() {
			return "Login[" + this.username + "]";
		}

	}

	boolean isEmbedded() {
		return this.embedded != null;
	}

	String url() {
		return this.url;
	}

	Login application() {
		return this.application;
	}

	/** The role that runs the migrations, when it is not the application's. */
	@Nullable Login migration() {
		return this.migration;
	}

	/**
	 * A new session as the embedded server's superuser ({@code postgres}), with the
	 * password Dues keeps in the data directory: what an administrator of the machine can
	 * do, for tests that play one. The caller closes it.
	 * @throws IllegalStateException on a configured server, whose superuser Dues does not
	 * know
	 */
	public Connection superuserConnection() throws SQLException {
		if (this.superuser == null) {
			throw new IllegalStateException("Dues knows no superuser of a configured server");
		}
		return connect(this.superuser);
	}

	/**
	 * The embedded server's superuser as a data source, each connection a new session:
	 * for tests that tamper with the database as an administrator of the machine would.
	 * @see #superuserConnection()
	 */
	public DataSource superuser() {
		return new AbstractDataSource() {

			@Override
			public Connection getConnection() throws SQLException {
				return superuserConnection();
			}

			@Override
			public Connection getConnection(String username, String password) {
				throw new UnsupportedOperationException("the superuser's own credentials only");
			}

		};
	}

	/** A new session as the application's role. The caller closes it. */
	public Connection applicationConnection() throws SQLException {
		return connect(this.application);
	}

	private Connection connect(Login login) throws SQLException {
		Properties properties = new Properties();
		if (login.username() != null) {
			properties.setProperty("user", login.username());
		}
		if (login.password() != null) {
			properties.setProperty("password", login.password());
		}
		return DriverManager.getConnection(this.url, properties);
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
