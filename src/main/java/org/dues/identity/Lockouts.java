package org.dues.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.dues.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Users that failed logins have locked out, for administrators to see and unlock. Both
 * lockouts and unlocks are published ({@link LoginLockedOut}, {@link LoginUnlocked}) for
 * the compliance audit trail.
 */
@Service
public class Lockouts {

	private final JdbcClient jdbc;

	private final LoginThrottle throttle;

	private final UserLogins logins;

	private final Clock clock;

	Lockouts(JdbcClient jdbc, LoginThrottle throttle, UserLogins logins, Clock clock) {
		this.jdbc = jdbc;
		this.throttle = throttle;
		this.logins = logins;
		this.clock = clock;
	}

	/** The users locked out now, the longest-locked first. */
	public List<Lockout> current() {
		return this.jdbc.sql("""
				SELECT username, min(locked_at), max(until) FROM identity_lockouts WHERE until > :now
				GROUP BY username ORDER BY min(locked_at), username""")
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Lockout(rs.getString(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	/**
	 * Lets the user log in again at once: their count of failed logins starts afresh.
	 * @param by the administrator who unlocks
	 * @throws NotFoundException if there is no such user
	 */
	public void unlock(String username, String by) {
		if (!this.logins.exists(username)) {
			throw new NotFoundException("user", username);
		}
		this.throttle.unlock(username, by);
	}

	/**
	 * A user locked out by failed logins (everywhere, from some address, or of one-time
	 * codes).
	 *
	 * @param until when logins may be tried again without an unlock
	 */
	public record Lockout(String username, Instant lockedAt, Instant until) {
	}

}
