package org.dues.work;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dues.portfolio.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who held an account at a moment: the agent who owned it then, or, for an account in the
 * pool, the agent who had it open.
 */
@Service
public class AccountHolders {

	private final JdbcClient jdbc;

	AccountHolders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The agent who held the account at the instant: its owner if it was assigned to them
	 * by then; else the agent whose lease on it was live then (a pooled account taken
	 * from a queue). Only the present assignment and lease are kept, so an account
	 * assigned or taken again after the instant has no known holder for it (empty),
	 * rather than the later one.
	 */
	@Transactional(readOnly = true)
	public Optional<Holder> holderAt(AccountId account, Instant at) {
		List<Holder> holder = new ArrayList<>(1);
		this.jdbc.sql("""
				SELECT CASE WHEN w.agent IS NOT NULL AND w.assigned_at <= :at THEN w.agent END,
				    CASE WHEN l.locked_at <= :at AND l.expires_at > :at THEN l.agent END
				FROM (SELECT CAST(:account AS uuid) AS id) x
				LEFT JOIN work_assignments w ON w.account_id = x.id
				LEFT JOIN work_locks l ON l.account_id = x.id AND NOT l.prepared""")
			.param("account", account.value())
			.param("at", Timestamp.from(at))
			.query((rs) -> {
				if (rs.getString(1) != null) {
					holder.add(new Holder(rs.getString(1), false));
				}
				else if (rs.getString(2) != null) {
					holder.add(new Holder(rs.getString(2), true));
				}
			});
		return holder.stream().findFirst();
	}

	/**
	 * An account's holder.
	 *
	 * @param leased whether they had it open from the pool rather than owned it
	 */
	public record Holder(String agent, boolean leased) {
	}

	/**
	 * As {@link #holderAt}, for many accounts at one instant in one read: each account
	 * that had a known holder then, with them.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<AccountId, Holder> holdersAt(java.util.Collection<AccountId> accounts, Instant at) {
		java.util.Map<AccountId, Holder> holders = new java.util.HashMap<>();
		if (accounts.isEmpty()) {
			return holders;
		}
		this.jdbc.sql("""
				SELECT x.id, CASE WHEN w.agent IS NOT NULL AND w.assigned_at <= :at THEN w.agent END,
				    CASE WHEN l.locked_at <= :at AND l.expires_at > :at THEN l.agent END
				FROM unnest(CAST(:accounts AS uuid[])) x(id)
				LEFT JOIN work_assignments w ON w.account_id = x.id
				LEFT JOIN work_locks l ON l.account_id = x.id AND NOT l.prepared""")
			.param("accounts", accounts.stream().map(AccountId::value).distinct().toArray(java.util.UUID[]::new))
			.param("at", Timestamp.from(at))
			.query((rs) -> {
				AccountId id = new AccountId(rs.getObject(1, java.util.UUID.class));
				if (rs.getString(2) != null) {
					holders.putIfAbsent(id, new Holder(rs.getString(2), false));
				}
				else if (rs.getString(3) != null) {
					holders.putIfAbsent(id, new Holder(rs.getString(3), true));
				}
			});
		return holders;
	}

}
