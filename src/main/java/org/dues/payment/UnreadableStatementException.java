package org.dues.payment;

import org.dues.shared.InvalidInputException;
import org.dues.shared.Phrase;

/**
 * A statement file that does not parse; the message names the line or element. Pages say
 * that the file cannot be read in the reader's language, with the technical detail as the
 * file's format names it.
 */
public class UnreadableStatementException extends InvalidInputException {

	public UnreadableStatementException(String message) {
		super("file", message, Phrase.of("recon.problem.unreadable", message));
	}

}
