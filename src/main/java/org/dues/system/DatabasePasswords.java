package org.dues.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded server's passwords, one per role, generated on first need and kept in the
 * data directory in a file only its owner may read ({@code 0600}), in PostgreSQL's
 * password file format ({@code *:*:*:role:password}): an administrator reaches the server
 * with {@code PGPASSFILE=<data dir>/postgres.pgpass psql -h localhost -p <port>
 * -U postgres postgres}.
 */
final class DatabasePasswords {

	private static final SecureRandom random = new SecureRandom();

	private final Path file;

	private final Map<String, String> passwords = new LinkedHashMap<>();

	private DatabasePasswords(Path file) {
		this.file = file;
	}

	/** The passwords in the file, with those of the given roles added when missing. */
	static DatabasePasswords in(Path file, String... roles) {
		DatabasePasswords passwords = new DatabasePasswords(file);
		try {
			if (Files.exists(file)) {
				OwnerOnly.restrict(file);
				for (String line : Files.readAllLines(file)) {
					String[] fields = line.split(":", 5);
					if (fields.length == 5 && !line.startsWith("#")) {
						passwords.passwords.put(fields[3], fields[4]);
					}
				}
			}
			boolean added = false;
			for (String role : roles) {
				if (!passwords.passwords.containsKey(role)) {
					passwords.passwords.put(role, generate());
					added = true;
				}
			}
			if (added) {
				passwords.write();
			}
			return passwords;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or write the database passwords in " + file, ex);
		}
	}

	String of(String role) {
		String password = this.passwords.get(role);
		if (password == null) {
			throw new IllegalStateException("no password for " + role + " in " + this.file);
		}
		return password;
	}

	private void write() throws IOException {
		StringBuilder text = new StringBuilder(
				"# Passwords of the embedded PostgreSQL's roles, made by Dues; keep this file owner-only.\n");
		this.passwords
			.forEach((role, password) -> text.append("*:*:*:").append(role).append(':').append(password).append('\n'));
		Path written = OwnerOnly.createFile(this.file.resolveSibling(this.file.getFileName() + ".new"));
		Files.writeString(written, text);
		try {
			Files.move(written, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(written, this.file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** 32 random bytes as URL-safe Base64: no character the password file escapes. */
	private static String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
