package org.dues.portfolio;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;

/**
 * How much of an account a role reads once it may see the account at all (which accounts
 * that is, {@link org.dues.system.Scopes} decides): leads, managers, compliance officers
 * and administrators read it whole without a right-party check and see dates of birth;
 * agents on a call see the debt only once the customer is verified.
 */
public final class AccountVisibility {

	/** The roles that read an account whole. */
	public static final Set<String> READ_WHOLE = Set.of("ROLE_TEAM_LEAD", "ROLE_MANAGER", "ROLE_COMPLIANCE",
			"ROLE_ADMIN");

	private AccountVisibility() {
	}

	/** Whether someone with these granted authorities reads an account whole. */
	public static boolean readsWhole(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).anyMatch(READ_WHOLE::contains);
	}

}
