package org.dues.system;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

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

	private final @Nullable Path passwordFile;

	DatabaseServer(@Nullable EmbeddedPostgres embedded, String url, Login application, @Nullable Login migration,
			@Nullable Path passwordFile) {
		this.embedded = embedded;
		this.url = url;
		this.application = application;
		this.migration = migration;
		this.passwordFile = passwordFile;
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
	 * Where the embedded server's passwords are kept, its superuser's among them; null on
	 * a configured server. Dues itself never connects as the superuser after its start:
	 * only an administrator of the machine, or a test that plays one, reads it.
	 */
	@Nullable Path passwordFile() {
		return this.passwordFile;
	}

	/** A new session as the application's role. The caller closes it. */
	public Connection applicationConnection() throws SQLException {
		return connect(this.url, this.application);
	}

	static Connection connect(String url, Login login) throws SQLException {
		Properties properties = new Properties();
		if (login.username() != null) {
			properties.setProperty("user", login.username());
		}
		if (login.password() != null) {
			properties.setProperty("password", login.password());
		}
		return DriverManager.getConnection(url, properties);
	}

	@Override
	public void close() throws IOException {
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

}
