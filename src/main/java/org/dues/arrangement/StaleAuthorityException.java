package org.dues.arrangement;

import org.dues.identity.Role;
import org.dues.shared.ConflictException;

/**
 * An edit of a role's authority made on a version someone changed meanwhile: nothing was
 * changed, so their change is not silently undone.
 */
public class StaleAuthorityException extends ConflictException {

	private final int current;

	StaleAuthorityException(Role role, int current) {
		super("the authority of %s was changed meanwhile (it is at version %d now): look at it again"
			.formatted(role.name(), current));
		this.current = current;
	}

	/** The version now. */
	public int current() {
		return this.current;
	}

}
