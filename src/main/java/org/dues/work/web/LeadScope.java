package org.dues.work.web;

import java.util.Collection;
import java.util.UUID;

import org.dues.identity.Teams;
import org.dues.portfolio.AccountId;
import org.dues.work.NextAccount;
import org.dues.work.Queues;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Keeps a team lead's reassignments within the teams they lead (a manager's or
 * administrator's anywhere): the agents moved from and to, the queue drawn from, and the
 * present owners of accounts moved one by one.
 */
@Component
class LeadScope {

	private final Teams teams;

	private final Queues queues;

	private final NextAccount next;

	LeadScope(Teams teams, Queues queues, NextAccount next) {
		this.teams = teams;
		this.queues = queues;
		this.next = next;
	}

	Teams.Scope of(Authentication user) {
		return this.teams.scopeOf(user.getName(), DeskPages.asker(user).roles());
	}

	/**
	 * @throws AccessDeniedException naming what lies outside the lead's teams
	 */
	void check(Authentication user, @Nullable String fromAgent, @Nullable String toAgent, @Nullable UUID queueId,
			Collection<AccountId> accounts) {
		Teams.Scope scope = of(user);
		if (scope.all()) {
			return;
		}
		for (String agent : java.util.Arrays.asList(fromAgent, toAgent)) {
			if (agent != null && !scope.covers(agent)) {
				throw new AccessDeniedException("%s is not in a team you lead".formatted(agent));
			}
		}
		if (queueId != null && !scope.coversTeam(this.queues.get(queueId).teamId())) {
			throw new AccessDeniedException("that queue belongs to a team you do not lead");
		}
		for (String owner : this.next.ownersOf(accounts)) {
			if (!scope.covers(owner)) {
				throw new AccessDeniedException("an account is %s's, who is not in a team you lead".formatted(owner));
			}
		}
	}

}
