package org.dues.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.system.ReachGrant;
import org.dues.system.RecordReach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A field agent reaches the accounts of the visits given to them while the visits are
 * open or checked in, and for {@link #DONE_KEPT} after their outcome (the rest of their
 * day: the receipt they wrote, the promise they took). Nothing else: a field agent works
 * no queue.
 */
@Component
class VisitReach implements ReachGrant {

	/** How long a visit's account stays within its agent's reach after the outcome. */
	static final Duration DONE_KEPT = Duration.ofHours(12);

	private static final String REACHED = "EXISTS (SELECT 1 FROM casework_visits gv WHERE gv.account_id = %s"
			+ " AND gv.agent = :visitAgent AND (gv.status IN ('OPEN', 'CHECKED_IN')"
			+ " OR (gv.status = 'DONE' AND gv.outcome_at > :visitSince)))";

	private final JdbcClient jdbc;

	private final Clock clock;

	VisitReach(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean reaches(Authentication caller, RecordReach reach) {
		if (!fieldAgent(caller) || reach.accounts().isEmpty()) {
			return false;
		}
		return this.jdbc.sql("SELECT " + REACHED.replace("%s", "ANY(:visitAccounts)"))
			.param("visitAccounts", reach.accounts().toArray(UUID[]::new))
			.param("visitAgent", caller.getName())
			.param("visitSince", since())
			.query(Boolean.class)
			.single();
	}

	@Override
	public String accountCondition(Authentication caller, Map<String, Object> params) {
		if (!fieldAgent(caller)) {
			return "false";
		}
		params.put("visitAgent", caller.getName());
		params.put("visitSince", since());
		return REACHED;
	}

	private Timestamp since() {
		return Timestamp.from(this.clock.instant().minus(DONE_KEPT));
	}

	private static boolean fieldAgent(Authentication caller) {
		return caller.getAuthorities().stream().anyMatch((a) -> Role.FIELD_AGENT.authority().equals(a.getAuthority()));
	}

}
