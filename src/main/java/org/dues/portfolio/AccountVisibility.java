package org.dues.portfolio;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;

/**
 * Whether an agent may see an account: the work module knows which accounts an agent
 * owns, holds or finds in their queues. Leads, managers, compliance officers and
 * administrators see every account and are not asked about.
 */
public interface AccountVisibility {

	/** The roles that see every account. */
	Set<String> SEE_ALL = Set.of("ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_COMPLIANCE", "ROLE_ADMIN");

	boolean visibleTo(String agent, AccountId account);

	/** Whether someone with these granted authorities sees every account. */
	static boolean seesAll(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).anyMatch(SEE_ALL::contains);
	}

}
