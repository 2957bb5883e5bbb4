package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A queue worked by a dialer rather than by agents asking for their next account: the
 * dialer reserves the queue's next accounts in its order (leased to the dialer, as next
 * account leases an account to an agent, so no account is dialled twice nor handed to an
 * agent meanwhile), hands a reserved account to the agent a call connected to, and lets
 * the others go. The accounts are those next account would hand out from the queue:
 * active, pooled, not open with anyone, not worked outside the house, not waiting for an
 * arrangement or a callback nor resting after a recent outcome, and Indian ones only when
 * every agent who may take the call holds a current certificate.
 */
@Service
public class QueueDialing {

	private final JdbcClient jdbc;

	private final Queues queues;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final UserManagement users;

	private final AgentCertificates certificates;

	private final Clock clock;

	private final Duration retryAfter;

	QueueDialing(JdbcClient jdbc, Queues queues, Accounts accounts, CustomerManagement customers, UserManagement users,
			AgentCertificates certificates, Clock clock, @Value("${dues.work.retry-after:PT4H}") Duration retryAfter) {
		this.jdbc = jdbc;
		this.queues = queues;
		this.accounts = accounts;
		this.customers = customers;
		this.users = users;
		this.certificates = certificates;
		this.clock = clock;
		this.retryAfter = retryAfter;
	}

	/**
	 * Reserves up to {@code count} of the queue's next accounts for the dialer, each
	 * leased to {@code holder} for {@code lease}; candidate rows are locked
	 * {@code SKIP LOCKED} and a lease is taken only where nobody else holds a live one.
	 * @param queueId the queue
	 * @param holder the dialer's name for its leases ({@code campaign-7})
	 * @param count how many at most
	 * @param agents the agents who may take the calls (their certificates decide Indian
	 * accounts)
	 * @param skip accounts not to reserve now (not due for another try…)
	 * @param lease how long a reservation lasts unless handed over or let go
	 * @return the accounts reserved, in the queue's order
	 */
	@Transactional
	public List<Reserved> reserve(UUID queueId, String holder, int count, Collection<String> agents,
			Collection<UUID> skip, Duration lease) {
		if (count <= 0) {
			return List.of();
		}
		Queues.QueueView queue = this.queues.get(queueId);
		Instant now = this.clock.instant();
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("now", Timestamp.from(now));
		params.put("retrySince", Timestamp.from(now.minus(this.retryAfter)));
		params.put("certified", !agents.isEmpty()
				&& agents.stream().allMatch((a) -> this.users.find(a).map(this.certificates::certified).orElse(false)));
		List<UUID> skipped = new ArrayList<>(skip);
		skipped.add(new UUID(0, 0));
		params.put("skip", skipped.toArray(UUID[]::new));
		params.put("count", count);
		String where = queue.selection("d_", params);
		List<UUID> listed = this.jdbc
			.sql("""
					SELECT a.id FROM portfolio_account_facts a %s LEFT JOIN work_assignments w ON w.account_id = a.id
					WHERE w.agent IS NULL AND %s AND %s AND a.id <> ALL(:skip) AND %s
					ORDER BY %s LIMIT :count FOR NO KEY UPDATE OF a SKIP LOCKED""".formatted(NextAccount.ACCOUNT_JOINS,
					NextAccount.ELIGIBLE + " AND " + Queues.NOT_EXTERNAL,
					NextAccount.waits(queue) ? "true" + NextAccount.WAITING : "true", where, queue.sort().sql))
			.params(params)
			.query(UUID.class)
			.list();
		List<Reserved> reserved = new ArrayList<>();
		for (UUID id : listed) {
			if (lease(id, holder, now, lease)) {
				AccountView account = this.accounts.get(new AccountId(id));
				CustomerView customer = this.customers.get(account.customerId());
				CustomerView.Phone phone = customer.phones()
					.stream()
					.filter(CustomerView.Phone::usable)
					.findFirst()
					.orElse(null);
				reserved.add(new Reserved(account, (phone == null) ? null : phone.e164(),
						phone != null && phone.consentAutodial(), customer.language()));
			}
		}
		return reserved;
	}

	/**
	 * Hands a reserved account to the agent a call connected to: the lease moves to them
	 * for as long as next account leases one.
	 * @return whether the dialer still held it
	 */
	@Transactional
	public boolean handOver(UUID account, String holder, String agent) {
		Instant now = this.clock.instant();
		// the agent had one account open at most: they move on to this one
		this.jdbc.sql("DELETE FROM work_locks WHERE agent = :agent AND account_id <> :account")
			.param("agent", agent)
			.param("account", account)
			.update();
		return this.jdbc.sql("""
				UPDATE work_locks SET agent = :agent, locked_at = :now, expires_at = :until
				WHERE account_id = :account AND agent = :holder""")
			.param("agent", agent)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(NextAccount.LEASE)))
			.param("account", account)
			.param("holder", holder)
			.update() == 1;
	}

	/**
	 * Lets a reservation go (the call was not connected).
	 */
	@Transactional
	public void release(UUID account, String holder) {
		this.jdbc.sql("DELETE FROM work_locks WHERE account_id = :account AND agent = :holder")
			.param("account", account)
			.param("holder", holder)
			.update();
	}

	/**
	 * Lets every reservation of the holder go (its campaign stopped).
	 * @return how many
	 */
	@Transactional
	public int releaseAll(String holder) {
		return this.jdbc.sql("DELETE FROM work_locks WHERE agent = :holder").param("holder", holder).update();
	}

	private boolean lease(UUID account, String holder, Instant now, Duration lease) {
		return this.jdbc
			.sql("""
					INSERT INTO work_locks (account_id, agent, locked_at, expires_at) VALUES (:account, :agent, :now, :until)
					ON CONFLICT (account_id) DO UPDATE SET agent = EXCLUDED.agent, locked_at = EXCLUDED.locked_at,
					    expires_at = EXCLUDED.expires_at, prepared = false
					WHERE (work_locks.agent = EXCLUDED.agent AND NOT work_locks.prepared)
					    OR work_locks.expires_at <= EXCLUDED.locked_at""")
			.param("account", account)
			.param("agent", holder)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(lease)))
			.update() == 1;
	}

	/**
	 * An account reserved for the dialer.
	 *
	 * @param account the account
	 * @param number the customer's first usable phone (E.164), or null when none
	 * @param autodialConsent whether the customer consented to an autodialer on it (US)
	 * @param language the customer's language, if known
	 */
	public record Reserved(AccountView account, @Nullable String number, boolean autodialConsent,
			@Nullable String language) {
	}

}
