package org.dues.work;

import java.util.List;

/**
 * A bulk action refused whole, nothing written: the accounts chosen are not all within
 * the reader's reach, an agent chosen may not be given them, the selection changed since
 * it was counted, or it is empty or too large. Carries a message key ({@code browse.…})
 * and its arguments for the page, besides the English message.
 */
public class BulkRefusedException extends RuntimeException {

	private final String key;

	private final List<Object> args;

	public BulkRefusedException(String message, String key, Object... args) {
		super(message);
		this.key = key;
		this.args = List.of(args);
	}

	/** The message key, {@code browse.refused.…}. */
	public String key() {
		return this.key;
	}

	/** The message's arguments. */
	public List<Object> args() {
		return this.args;
	}

}
