package org.dues.shared;

/**
 * The caller may see the record but not do this to it (segregation of duties: someone
 * else's payment to reverse, a hold to lift without the role); the message says who may.
 */
public class NotPermittedException extends RuntimeException {

	public NotPermittedException(String message) {
		super(message);
	}

}
