package org.dues.portfolio;

import org.dues.shared.ConflictException;

/**
 * An edit made on a version of a creditor or mapping profile that someone changed
 * meanwhile: nothing was changed, so their change is not silently undone.
 */
public class StaleVersionException extends ConflictException {

	private final int current;

	public StaleVersionException(String what, int current) {
		super("%s was changed meanwhile (it is at version %d now): look at it again".formatted(what, current));
		this.current = current;
	}

	/** The version now. */
	public int current() {
		return this.current;
	}

}
