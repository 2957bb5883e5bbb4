package org.dues.casework;

import java.time.LocalDate;
import java.util.List;

import org.dues.identity.Role;
import org.dues.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A user to create for an agency: an agent ({@link Role#AGENT}) or the agency's manager
 * ({@link Role#TEAM_LEAD}), with the languages they speak and, to work Indian accounts,
 * their recovery-agent certificate.
 */
public record NewAgencyUser(String username, String displayName, String password, Role role, List<String> languages,
		@Nullable String certificateNumber, @Nullable LocalDate certificateExpiresOn) {

	public NewAgencyUser {
		if (role != Role.AGENT && role != Role.TEAM_LEAD) {
			throw new InvalidInputException("role", "an agency's user is an agent (AGENT) or its manager (TEAM_LEAD)");
		}
		languages = List.copyOf(languages);
		if (certificateNumber != null && certificateNumber.isBlank()) {
			certificateNumber = null;
		}
	}

}
