package org.dues.arrangement.web;

import org.dues.arrangement.Asker;

import org.springframework.security.core.Authentication;

/**
 * Who asks, as the arrangements facade weighs their authority. (Request fields are
 * checked by the Bean Validation constraints of the request records and forms.)
 */
final class Inputs {

	private Inputs() {
	}

	static Asker asker(Authentication user) {
		return Asker.of(user.getName(), user.getAuthorities().stream().map((a) -> a.getAuthority()).toList());
	}

}
