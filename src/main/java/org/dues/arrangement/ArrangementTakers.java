package org.dues.arrangement;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.dues.portfolio.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who took the promise, plan or settlement that was open on an account at a given moment:
 * the one a payment made then pays.
 */
@Service
public class ArrangementTakers {

	private final JdbcClient jdbc;

	ArrangementTakers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user who took the promise, plan or settlement open on the account at the
	 * instant (made by then, waiting for approval or active, and not closed before it:
	 * kept, broken, completed, cancelled or rejected at the instant or later, or not at
	 * all); empty when none was open. A payment that keeps a promise closes it after the
	 * payment (at the same instant on a clock that stands still), so the promise it keeps
	 * is still the one open at the payment's instant.
	 */
	@Transactional(readOnly = true)
	public Optional<String> takerAt(AccountId account, Instant at) {
		return this.jdbc.sql("""
				SELECT created_by FROM arrangement_arrangements
				WHERE account_id = :account AND kind IN ('PROMISE', 'PLAN', 'SETTLEMENT') AND created_at <= :at
				    AND (closed_at IS NULL OR closed_at >= :at)
				ORDER BY created_at DESC LIMIT 1""")
			.param("account", account.value())
			.param("at", Timestamp.from(at))
			.query(String.class)
			.optional();
	}

}
