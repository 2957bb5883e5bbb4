package org.dues.casework;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.system.ReachGrant;
import org.dues.system.RecordReach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * An agency's users reach the accounts placed with their agency and nothing else (DESIGN,
 * invariant 8): the placement is in force (its period has not ended) and the account has
 * not been recalled. Whether a caller is an agency's user is one map lookup
 * ({@link AgencyMembers}); whether they reach an account is read from the placements at
 * the moment, so a recall takes their reach away at once.
 */
@Component
class AgencyReach implements ReachGrant {

	/**
	 * The accounts placed with {@code :agencyReach} and not recalled, on
	 * {@code :agencyToday}.
	 */
	static final String PLACED = "%s IN (SELECT pa.account_id FROM casework_placement_accounts pa"
			+ " JOIN casework_placements p ON p.id = pa.placement_id WHERE p.agency_id = :agencyReach"
			+ " AND pa.recalled_at IS NULL AND p.placed_until >= :agencyToday)";

	private final AgencyMembers members;

	private final JdbcClient jdbc;

	private final Clock clock;

	AgencyReach(AgencyMembers members, JdbcClient jdbc, Clock clock) {
		this.members = members;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean confines(Authentication caller) {
		return this.members.of(caller.getName()).isPresent();
	}

	@Override
	public boolean reaches(Authentication caller, RecordReach reach) {
		Optional<AgencyMembers.Membership> membership = this.members.of(caller.getName());
		if (membership.isEmpty() || reach.accounts().isEmpty()) {
			return false;
		}
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM casework_placement_accounts pa JOIN casework_placements p
				                   ON p.id = pa.placement_id
				               WHERE pa.account_id = ANY(:accounts) AND p.agency_id = :agencyReach
				               AND pa.recalled_at IS NULL AND p.placed_until >= :agencyToday)""")
			.param("accounts", reach.accounts().toArray(UUID[]::new))
			.param("agencyReach", membership.get().agency())
			.param("agencyToday", Date.valueOf(LocalDate.now(this.clock)))
			.query(Boolean.class)
			.single();
	}

	@Override
	public String accountCondition(Authentication caller, Map<String, Object> params) {
		Optional<AgencyMembers.Membership> membership = this.members.of(caller.getName());
		if (membership.isEmpty()) {
			return "false";
		}
		params.put("agencyReach", membership.get().agency());
		params.put("agencyToday", Date.valueOf(LocalDate.now(this.clock)));
		return PLACED;
	}

}
