package org.dues.work;

import org.dues.shared.ConflictException;

/**
 * A queue was changed by someone else after the version a change or deletion was made on;
 * nothing was changed.
 */
public class StaleQueueException extends ConflictException {

	private final int current;

	StaleQueueException(int current) {
		super("the queue was changed meanwhile (it is at version %d now): look at it again".formatted(current));
		this.current = current;
	}

	/** The queue's version now. */
	public int current() {
		return this.current;
	}

}
