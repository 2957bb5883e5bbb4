package org.dues.payment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.dues.system.ReachGrant;
import org.dues.system.RecordReach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whoever took a payment on an account, or sent its customer a payment link, reaches the
 * account for {@link #KEPT} after, as an outcome or a note they recorded keeps it: the
 * account a customer has just paid off leaves its agent's worklist, and the agent comes
 * back to see the balance, the promise the payment kept and the receipt.
 */
@Component
class PaymentReach implements ReachGrant {

	/**
	 * How long an account stays within reach of who took its payment or made its link.
	 */
	static final Duration KEPT = Duration.ofHours(24);

	/**
	 * The accounts so worked, as sets read once per query (the person's recent payments
	 * and links, by their indexes), not looked up account by account.
	 */
	private static final String REACHED = "(%s IN (SELECT gp.account_id FROM payment_payments gp"
			+ " WHERE gp.recorded_by = :payReachWho AND gp.recorded_at > :payReachSince)"
			+ " OR %s IN (SELECT gl.account_id FROM payment_links gl"
			+ " WHERE gl.created_by = :payReachWho AND gl.created_at > :payReachSince))";

	private final JdbcClient jdbc;

	private final Clock clock;

	PaymentReach(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public boolean reaches(Authentication caller, RecordReach reach) {
		if (reach.accounts().isEmpty()) {
			return false;
		}
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM unnest(CAST(:payReachAccounts AS uuid[])) r(id) WHERE "
					+ REACHED.replace("%s", "r.id") + ")")
			.param("payReachAccounts", reach.accounts().toArray(UUID[]::new))
			.param("payReachWho", caller.getName())
			.param("payReachSince", since())
			.query(Boolean.class)
			.single();
	}

	@Override
	public String accountCondition(Authentication caller, Map<String, Object> params) {
		params.put("payReachWho", caller.getName());
		params.put("payReachSince", since());
		// %s stands for the account's id column, which the caller puts in
		return REACHED;
	}

	private Timestamp since() {
		return Timestamp.from(this.clock.instant().minus(KEPT));
	}

}
