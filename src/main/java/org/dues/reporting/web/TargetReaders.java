package org.dues.reporting.web;

import org.dues.arrangement.Asker;
import org.dues.identity.Teams;
import org.dues.reporting.TargetReader;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** The reader of targets a signed-in user is. */
@Component
class TargetReaders {

	private final Teams teams;

	TargetReaders(Teams teams) {
		this.teams = teams;
	}

	TargetReader of(Authentication user) {
		Asker asker = Asker.of(user.getName(),
				user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
		return new TargetReader(user.getName(), asker.roles(), this.teams.scopeOf(user.getName(), asker.roles()));
	}

}
