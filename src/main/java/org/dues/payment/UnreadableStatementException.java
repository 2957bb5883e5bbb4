package org.dues.payment;

import org.dues.shared.InvalidInputException;

/** A statement file that does not parse; the message names the line or element. */
public class UnreadableStatementException extends InvalidInputException {

	public UnreadableStatementException(String message) {
		super("file", message);
	}

}
