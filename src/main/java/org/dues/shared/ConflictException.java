package org.dues.shared;

/**
 * The request is well formed but clashes with what already exists, for example a payment
 * reference already used for a different payment.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String message) {
		super(message);
	}

}
