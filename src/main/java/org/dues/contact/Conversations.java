package org.dues.contact;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.dues.portfolio.AccountId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who spoke with a customer about an account: a conversation (a right-party contact) on
 * any channel, made or taken by an agent.
 */
@Service
public class Conversations {

	private final JdbcClient jdbc;

	Conversations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The agent of the latest conversation about the account that started in
	 * {@code [since, until]}; empty when there was none.
	 */
	@Transactional(readOnly = true)
	public Optional<String> lastAgent(AccountId account, Instant since, Instant until) {
		return this.jdbc.sql("""
				SELECT i.agent FROM contact_interactions i
				WHERE i.id IN (SELECT interaction_id FROM contact_interaction_debts WHERE account_id = :account)
				    AND i.result = 'CONVERSATION' AND i.started_at BETWEEN :since AND :until
				ORDER BY i.started_at DESC, i.recorded_at DESC LIMIT 1""")
			.param("account", account.value())
			.param("since", Timestamp.from(since))
			.param("until", Timestamp.from(until))
			.query(String.class)
			.optional();
	}

	/**
	 * As {@link #lastAgent}, for many accounts over one period in one read: each account
	 * with a conversation about it then, with the agent of the latest.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<AccountId, String> lastAgents(java.util.Collection<AccountId> accounts, Instant since,
			Instant until) {
		java.util.Map<AccountId, String> agents = new java.util.HashMap<>();
		if (accounts.isEmpty()) {
			return agents;
		}
		this.jdbc
			.sql("""
					SELECT DISTINCT ON (d.account_id) d.account_id, i.agent
					FROM contact_interaction_debts d JOIN contact_interactions i ON i.id = d.interaction_id
					WHERE d.account_id = ANY(:accounts) AND i.result = 'CONVERSATION' AND i.started_at BETWEEN :since AND :until
					ORDER BY d.account_id, i.started_at DESC, i.recorded_at DESC""")
			.param("accounts", accounts.stream().map(AccountId::value).distinct().toArray(java.util.UUID[]::new))
			.param("since", Timestamp.from(since))
			.param("until", Timestamp.from(until))
			.query((rs) -> {
				agents.put(new AccountId(rs.getObject(1, java.util.UUID.class)), rs.getString(2));
			});
		return agents;
	}

}
