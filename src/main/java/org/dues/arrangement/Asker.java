package org.dues.arrangement;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.dues.identity.Role;

/** Who asks for or decides an arrangement, with the roles their authority comes from. */
public record Asker(String name, Set<Role> roles) {

	public Asker {
		roles = Set.copyOf(roles);
	}

	/**
	 * The asker with the Dues roles among granted authority names ({@code ROLE_AGENT});
	 * other authorities are not roles and are left out.
	 */
	public static Asker of(String name, Collection<String> authorities) {
		Set<Role> roles = new HashSet<>();
		for (String authority : authorities) {
			if (authority != null && authority.startsWith("ROLE_")) {
				try {
					roles.add(Role.valueOf(authority.substring(5)));
				}
				catch (IllegalArgumentException ex) {
					// not a Dues role
				}
			}
		}
		return new Asker(name, roles);
	}

}
