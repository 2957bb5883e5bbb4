package org.dues.casework;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.dues.work.ExternalPools;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which agency a user belongs to, asked on every scope check and every next account. A
 * membership is written with the user and never changes (a user who leaves an agency is
 * disabled), so each user's answer is read once and kept: after that a check costs a map
 * lookup. A user who does not yet exist cannot be asked about (nobody logs in as them),
 * so an answer kept as "no agency" never hides a membership written later.
 */
@Component
class AgencyMembers implements ExternalPools {

	/** Bounds the cache; past it, answers are read again (the table has an index). */
	private static final int KEPT = 100_000;

	private final JdbcClient jdbc;

	private final Map<String, Optional<Membership>> known = new ConcurrentHashMap<>();

	AgencyMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The user's agency, if they are an agency's user. */
	Optional<Membership> of(String username) {
		Optional<Membership> found = this.known.get(username);
		if (found != null) {
			return found;
		}
		found = this.jdbc.sql("""
				SELECT m.agency_id, g.code FROM casework_agency_members m JOIN casework_agencies g ON g.id = m.agency_id
				WHERE m.username = :username""")
			.param("username", username)
			.query((rs, n) -> new Membership(rs.getObject("agency_id", UUID.class), rs.getString("code")))
			.optional();
		if (this.known.size() < KEPT) {
			this.known.put(username, found);
		}
		return found;
	}

	/**
	 * Forgets what was kept of a user, when their membership is written (in case someone
	 * asked about the name before the user existed).
	 */
	void forget(String username) {
		this.known.remove(username);
	}

	@Override
	public Optional<String> poolOf(String username) {
		return of(username).map(Membership::code);
	}

	/** An agency user's agency: its id and its code (the name of its pool of work). */
	record Membership(UUID agency, String code) {
	}

}
