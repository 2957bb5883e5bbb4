package org.dues.system;

import org.dues.shared.InvalidInputException;

/**
 * A request parameter or form field refused before any controller saw it (a control
 * character, say): a 400 on the API and on pages alike.
 */
public class RefusedInputException extends InvalidInputException {

	public RefusedInputException(String field, String message) {
		super(field, message);
	}

}
