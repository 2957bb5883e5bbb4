package org.dues.shared;

/**
 * Something asked for by its id or key does not exist (or the caller may not see it).
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object key) {
		super("%s '%s' not found".formatted(what, key));
	}

}
