package org.dues.identity;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * Too many failed logins for this user or from this address: no password was checked.
 */
class LoginThrottledException extends LockedException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed logins; try again in " + retryAfter.toSeconds() + " seconds");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	/** Whole seconds, rounded up, as {@code Retry-After} wants them. */
	long retryAfterSeconds() {
		return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
	}

	/** Whole minutes, rounded up, for people. */
	long retryAfterMinutes() {
		return Math.max(1, (this.retryAfter.toSeconds() + 59) / 60);
	}

}
