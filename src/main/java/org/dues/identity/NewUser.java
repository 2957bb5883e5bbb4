package org.dues.identity;

import java.util.List;
import java.util.Set;

/**
 * A user to create.
 *
 * @param username the login name, unique
 * @param displayName the name shown to colleagues
 * @param password the password in clear, hashed before it is stored
 * @param roles what the user does
 * @param languages ISO 639-1 codes of the languages the user speaks
 */
public record NewUser(String username, String displayName, String password, Set<Role> roles, List<String> languages) {

	public NewUser {
		if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
			throw new IllegalArgumentException("username must be 2-64 lower-case letters, digits, '.', '_' or '-'");
		}
		if (password == null || password.length() < 4) {
			throw new IllegalArgumentException("password must have at least 4 characters");
		}
		if (roles == null || roles.isEmpty()) {
			throw new IllegalArgumentException("a user needs at least one role");
		}
		roles = Set.copyOf(roles);
		languages = languages == null ? List.of() : List.copyOf(languages);
	}

}
