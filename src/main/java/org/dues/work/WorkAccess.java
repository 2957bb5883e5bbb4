package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountVisibility;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts an agent may see: those they own, have open, have a callback on, or find
 * in one of their team queues (routed to them by language and region).
 */
@Component
class WorkAccess implements AccountVisibility {

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final Queues queues;

	private final Clock clock;

	WorkAccess(JdbcClient jdbc, UserManagement users, Queues queues, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.queues = queues;
		this.clock = clock;
	}

	@Override
	public boolean visibleTo(String agent, AccountId account) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agent", agent);
		params.put("account", account.value());
		params.put("now", Timestamp.from(this.clock.instant()));
		String pooled = NextAccount.pooledFor(this.users.find(agent).orElse(null), this.queues.of(agent), params);
		return this.jdbc
			.sql("""
					SELECT NOT EXISTS (SELECT 1 FROM portfolio_accounts WHERE id = :account)
					   OR EXISTS (SELECT 1 FROM work_assignments WHERE account_id = :account AND agent = :agent)
					    OR EXISTS (SELECT 1 FROM work_locks WHERE account_id = :account AND agent = :agent AND expires_at > :now)
					    OR EXISTS (SELECT 1 FROM work_followups WHERE account_id = :account AND assigned_to = :agent
					               AND done_at IS NULL)
					    OR EXISTS (SELECT 1 FROM portfolio_accounts a JOIN customer_customers cu ON cu.id = a.customer_id
					               LEFT JOIN work_assignments w ON w.account_id = a.id
					               WHERE a.id = :account AND w.agent IS NULL AND %s)"""
				.formatted(pooled))
			.params(params)
			.query(Boolean.class)
			.single();
	}

}
