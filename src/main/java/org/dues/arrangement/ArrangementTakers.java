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

	/**
	 * As {@link #takerAt}, for many accounts at one instant in one read: each account
	 * that had a promise, plan or settlement open then, with the user who took it.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<AccountId, String> takersAt(java.util.Collection<AccountId> accounts, Instant at) {
		java.util.Map<AccountId, String> takers = new java.util.HashMap<>();
		if (accounts.isEmpty()) {
			return takers;
		}
		this.jdbc.sql("""
				SELECT DISTINCT ON (account_id) account_id, created_by FROM arrangement_arrangements
				WHERE account_id = ANY(:accounts) AND kind IN ('PROMISE', 'PLAN', 'SETTLEMENT') AND created_at <= :at
				    AND (closed_at IS NULL OR closed_at >= :at)
				ORDER BY account_id, created_at DESC""")
			.param("accounts", accounts.stream().map(AccountId::value).distinct().toArray(java.util.UUID[]::new))
			.param("at", Timestamp.from(at))
			.query((rs) -> {
				takers.put(new AccountId(rs.getObject(1, java.util.UUID.class)), rs.getString(2));
			});
		return takers;
	}

}
