package org.dues.identity;

import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A logged-in user's current password, asked again before they change what guards the
 * account (the password, the authenticator app), so that a stolen session alone cannot
 * take the account over. It is checked behind {@link LoginThrottle} like a login: wrong
 * ones count as failed logins of the user from that address.
 */
@Component
class OwnPassword {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	OwnPassword(JdbcClient jdbc, PasswordEncoder passwords, LoginThrottle throttle) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	/**
	 * @throws InvalidInputException (field {@code current}) if the password is wrong or
	 * too many were wrong
	 */
	void verify(String username, String current, @Nullable String address) {
		if (current.isEmpty()) {
			// nothing was guessed: no failure to count
			throw new InvalidInputException("current", "is required");
		}
		try {
			this.throttle.check(username, address);
		}
		catch (LoginThrottledException ex) {
			throw new InvalidInputException("current",
					"has been wrong too often; try again in %d minutes".formatted(ex.retryAfterMinutes()));
		}
		String hash = this.jdbc.sql("SELECT password_hash FROM identity_users WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("user", username));
		if (!this.passwords.matches(current, hash)) {
			this.throttle.failed(username, address);
			throw new InvalidInputException("current", "is not your current password");
		}
		this.throttle.succeeded(username, address);
	}

}
