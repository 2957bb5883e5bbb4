package org.dues.identity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

import org.dues.shared.NotFoundException;
import org.dues.system.UserZones;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The time zone each user reads times in, where one was set: pages show times in it, the
 * zone named, and format dates in its country's conventions. A user without one reads
 * them in the Dues default zone.
 */
@Service
public class UserTimeZones implements UserZones {

	private final JdbcClient jdbc;

	UserTimeZones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ZoneId> zoneOf(String username) {
		return this.jdbc.sql("SELECT time_zone FROM identity_users WHERE username = :u AND time_zone IS NOT NULL")
			.param("u", username)
			.query(String.class)
			.optional()
			.flatMap(UserTimeZones::zone);
	}

	/**
	 * Sets the zone the user reads times in; null for the Dues default.
	 * @throws NotFoundException when there is no such user
	 */
	@Transactional
	public void set(String username, @Nullable ZoneId zone) {
		int updated = this.jdbc.sql("UPDATE identity_users SET time_zone = :zone WHERE username = :u")
			.param("u", username)
			.param("zone", (zone == null) ? null : zone.getId())
			.update();
		if (updated == 0) {
			throw new NotFoundException("user", username);
		}
	}

	private static Optional<ZoneId> zone(String id) {
		try {
			return Optional.of(ZoneId.of(id));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
