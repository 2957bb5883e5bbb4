package org.dues.work;

import java.util.Optional;

/**
 * Which external pool (an agency's) a user works for. A module above work that places
 * accounts outside the house (casework) implements it; next account then gives such a
 * user only the accounts parked with their pool ({@link ExternalWork#park}), and nothing
 * from the in-house queues.
 */
public interface ExternalPools {

	/**
	 * The pool the user works for; empty for an in-house user. Called on every next
	 * account, so it must be cheap.
	 */
	Optional<String> poolOf(String username);

}
