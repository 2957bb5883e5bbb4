package org.dues.arrangement;

import java.util.Set;

import org.dues.identity.Role;

/** Who asks for or decides an arrangement, with the roles their authority comes from. */
public record Asker(String name, Set<Role> roles) {

	public Asker {
		roles = Set.copyOf(roles);
	}

}
