package org.dues.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A user to create.
 *
 * @param username the login name, unique
 * @param displayName the name shown to colleagues
 * @param password the password in clear, hashed before it is stored
 * @param roles what the user does
 * @param languages ISO 639-1 codes of the languages the user speaks
 * @param regions the regions (state codes such as {@code KL} or {@code NY}) the agent
 * covers; empty for all
 * @param certificateNumber the recovery-agent certificate number (India)
 * @param certificateExpiresOn when that certificate expires
 */
public record NewUser(String username, String displayName, String password, Set<Role> roles, List<String> languages,
		List<String> regions, @Nullable String certificateNumber, @Nullable LocalDate certificateExpiresOn) {

	public NewUser {
		UserManagement.checkUsername(username);
		UserManagement.checkPassword(password);
		if (displayName == null || displayName.isBlank()) {
			throw new org.dues.shared.InvalidInputException("displayName", "is required");
		}
		if (roles == null || roles.isEmpty()) {
			throw new org.dues.shared.InvalidInputException("roles", "a user needs at least one role");
		}
		roles = Set.copyOf(roles);
		languages = UserManagement.codes("languages", languages);
		regions = UserManagement.codes("regions", regions);
	}

	public NewUser(String username, String displayName, String password, Set<Role> roles, List<String> languages) {
		this(username, displayName, password, roles, languages, List.of(), null, null);
	}

}
