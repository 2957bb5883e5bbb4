package org.dues.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The embedded server's superuser ({@code postgres}), as an administrator of the machine
 * would connect: with the password Dues keeps in its data directory. For tests that
 * tamper with the database; the application itself has no way to it after its start.
 */
public final class Superuser {

	private Superuser() {
	}

	/**
	 * A new session as the superuser. The caller closes it.
	 * @throws IllegalStateException on a configured server
	 */
	public static Connection connection(DatabaseServer server) throws SQLException {
		Path passwords = server.passwordFile();
		if (passwords == null) {
			throw new IllegalStateException("Dues knows no superuser of a configured server");
		}
		String password = DatabasePasswords.in(passwords, EmbeddedDatabase.SUPERUSER).of(EmbeddedDatabase.SUPERUSER);
		return DatabaseServer.connect(server.url(), new DatabaseServer.Login(EmbeddedDatabase.SUPERUSER, password));
	}

	/** The superuser as a data source, each connection a new session. */
	public static DataSource of(DatabaseServer server) {
		return new AbstractDataSource() {

			@Override
			public Connection getConnection() throws SQLException {
				return connection(server);
			}

			@Override
			public Connection getConnection(String username, String password) {
				throw new UnsupportedOperationException("the superuser's own credentials only");
			}

		};
	}

}
