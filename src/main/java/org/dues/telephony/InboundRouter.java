package org.dues.telephony;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.identity.UserManagement.UserView;
import org.dues.system.RecordReach;
import org.dues.system.Scopes;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Which ready agent takes an inbound call, as chat routing gives chats: one who talks to
 * customers at a desk (an agent, a lead, a manager, an administrator), speaks the
 * caller's language (English for an agent who names none; any agent for a caller of no
 * known language) and may see the caller's account (the scope check every desk page
 * makes; for a number several accounts share, at least one of them; for a caller nobody
 * knows, anyone); of those, the one ready longest, taken at once to {@code ON_CALL}
 * across nodes ({@link AgentStates#claimLongestReady}).
 */
@Component
class InboundRouter {

	static final List<Role> TAKERS = List.of(Role.AGENT, Role.TEAM_LEAD, Role.MANAGER, Role.ADMIN);

	private final AgentStates states;

	private final UserManagement users;

	private final Scopes scopes;

	InboundRouter(AgentStates states, UserManagement users, Scopes scopes) {
		this.states = states;
		this.users = users;
		this.scopes = scopes;
	}

	/** The agent who takes the call, now on it; empty when none may. */
	Optional<String> take(@Nullable String language, Collection<UUID> accounts) {
		List<String> candidates = new ArrayList<>();
		for (AgentStateView state : this.states.all()) {
			if (state.state() != AgentState.READY) {
				continue;
			}
			UserView user = this.users.find(state.username()).orElse(null);
			if (user != null && mayTake(user, language, accounts)) {
				candidates.add(user.username());
			}
		}
		return this.states.claimLongestReady(candidates, AgentState.ON_CALL);
	}

	/** The agents (role AGENT) who could take such a call when ready. */
	List<String> agentsFor(@Nullable String language, Collection<UUID> accounts) {
		return this.users.withRole(Role.AGENT)
			.stream()
			.filter((user) -> mayTake(user, language, accounts))
			.map(UserView::username)
			.toList();
	}

	/** Whether the user may take a call in the language about one of the accounts. */
	boolean mayTake(UserView user, @Nullable String language, Collection<UUID> accounts) {
		if (!user.enabled() || TAKERS.stream().noneMatch(user::has)) {
			return false;
		}
		if (language != null) {
			List<String> speaks = user.languages().isEmpty() ? List.of("en") : user.languages();
			if (!speaks.contains(language.toLowerCase(Locale.ROOT))) {
				return false;
			}
		}
		if (accounts.isEmpty()) {
			return true;
		}
		Authentication as = as(user);
		return accounts.stream().anyMatch((account) -> this.scopes.reaches(as, RecordReach.account(account)));
	}

	/** Whether the user may see the account. */
	boolean reaches(String username, UUID account) {
		return this.users.find(username)
			.map((user) -> this.scopes.reaches(as(user), RecordReach.account(account)))
			.orElse(false);
	}

	static Authentication as(UserView user) {
		return UsernamePasswordAuthenticationToken.authenticated(user.username(), null,
				user.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList());
	}

}
