package org.dues.system;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who does something, with their roles ({@code ROLE_AGENT}…), for the rules that depend
 * on both: segregation of duties in {@link Corrections}. A system actor (a job, a bank
 * file) acts on the installation's behalf.
 *
 * @param name the user's name, or the job's
 * @param roles the granted authorities
 * @param system whether no person acts
 */
public record Actor(String name, Set<String> roles, boolean system) {

	public Actor {
		roles = Set.copyOf(roles);
	}

	/** The signed-in user. */
	public static Actor of(Authentication user) {
		return new Actor(user.getName(),
				user.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet()), false);
	}

	/** A user with these roles (authority names). */
	public static Actor of(String name, String... roles) {
		return new Actor(name, Set.copyOf(Arrays.asList(roles)), false);
	}

	/** A job or integration acting on the installation's behalf. */
	public static Actor system(String name) {
		return new Actor(name, Set.of(), true);
	}

	/** Whether the actor holds any of the roles. */
	public boolean hasAny(Set<String> wanted) {
		return this.roles.stream().anyMatch(wanted::contains);
	}

}
