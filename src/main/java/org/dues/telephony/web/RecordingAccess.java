package org.dues.telephony.web;

import java.util.Set;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.NotFoundException;
import org.dues.telephony.Recordings;
import org.dues.telephony.Recordings.RecordingView;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may hear which recording: team leads, managers and compliance officers every
 * recording of an account they reach (the scope check has placed it before); an agent
 * only those of the calls they took themselves (another agent's recordings do not exist
 * for them); administrators and field agents none. The access log is compliance's.
 */
@Component
class RecordingAccess {

	static final Set<String> LISTENERS = Set.of("ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_COMPLIANCE");

	private final Recordings recordings;

	RecordingAccess(Recordings recordings) {
		this.recordings = recordings;
	}

	/**
	 * The user's name when they hear only their own calls' recordings (an agent), null
	 * when they hear all of an account's.
	 * @throws AccessDeniedException when they hear none
	 */
	@Nullable String onlyOwn(Authentication user) {
		if (has(user, LISTENERS)) {
			return null;
		}
		if (has(user, Set.of("ROLE_AGENT"))) {
			return user.getName();
		}
		throw new AccessDeniedException("Your role does not allow listening to recordings.");
	}

	/** The account's recordings the user may hear. */
	java.util.List<RecordingView> of(AccountId account, Authentication user) {
		return this.recordings.ofAccount(account, onlyOwn(user));
	}

	/**
	 * The recording, if the user may hear it, with the play logged.
	 * @throws NotFoundException when it is not there for them
	 */
	RecordingView play(UUID id, Authentication user) {
		String own = onlyOwn(user);
		RecordingView recording = this.recordings.get(id);
		if (own != null && !own.equals(recording.agent())) {
			throw new NotFoundException("recording", id);
		}
		return this.recordings.play(id, user.getName());
	}

	/**
	 * @throws AccessDeniedException unless the user is a compliance officer
	 */
	void requireCompliance(Authentication user) {
		if (!has(user, Set.of("ROLE_COMPLIANCE"))) {
			throw new AccessDeniedException("The recordings' access log is compliance's.");
		}
	}

	static boolean has(Authentication user, Set<String> roles) {
		for (GrantedAuthority authority : user.getAuthorities()) {
			if (roles.contains(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
