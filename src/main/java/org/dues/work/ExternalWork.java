package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.dues.portfolio.AccountId;
import org.dues.shared.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts worked outside the house: an account placed with an external agency is parked
 * with the agency's pool, which takes it off every in-house queue and off its owner, and
 * next account gives it to the pool's users only ({@link ExternalPools}); on recall it is
 * unparked and pooled again, so the in-house queues hold it once more. Both are one
 * statement over the set of accounts.
 */
@Service
public class ExternalWork {

	private final JdbcClient jdbc;

	private final NextAccount assignments;

	private final Clock clock;

	private final QueueCounts counts;

	private final Queues queues;

	ExternalWork(JdbcClient jdbc, NextAccount assignments, Clock clock, QueueCounts counts, Queues queues) {
		this.counts = counts;
		this.queues = queues;
		this.jdbc = jdbc;
		this.assignments = assignments;
		this.clock = clock;
	}

	/**
	 * Parks the accounts with the pool: each leaves its owner (pooled, the move kept in
	 * the assignment history), every in-house queue and any lease an agent holds on it.
	 * An account already parked with another pool is moved to this one.
	 * @return how many accounts were parked
	 */
	@Transactional
	public int park(Collection<AccountId> accounts, String pool, String by) {
		if (pool.isBlank()) {
			throw new InvalidInputException("pool", "is required");
		}
		UUID[] ids = ids(accounts);
		// owned ones are given up (the move kept in the history); pooled ones stay pooled
		UUID[] owned = this.jdbc
			.sql("SELECT account_id FROM work_assignments WHERE account_id = ANY(:ids) AND agent IS NOT NULL")
			.param("ids", ids)
			.query(UUID.class)
			.list()
			.toArray(UUID[]::new);
		if (owned.length > 0) {
			this.assignments.move(owned, null, by, null, null);
		}
		release(ids);
		// an account worked outside the house leaves the in-house queues' kept sizes
		return this.counts.adjusting(ids, this.queues.all(), () -> this.jdbc.sql("""
				INSERT INTO work_external_accounts (account_id, pool, days_past_due, balance, parked_at, parked_by)
				SELECT a.id, :pool, a.days_past_due, a.principal + a.interest + a.fees, :now, :by
				FROM portfolio_account_facts a WHERE a.id = ANY(:ids)
				ON CONFLICT (account_id) DO UPDATE SET pool = EXCLUDED.pool, days_past_due = EXCLUDED.days_past_due,
				    balance = EXCLUDED.balance, parked_at = EXCLUDED.parked_at, parked_by = EXCLUDED.parked_by""")
			.param("ids", ids)
			.param("pool", pool)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.update());
	}

	/**
	 * Brings the accounts back into the house: pooled, in the in-house queues again, and
	 * let go by whoever of the pool had one open.
	 * @return how many accounts were unparked
	 */
	@Transactional
	public int unpark(Collection<AccountId> accounts, String by) {
		UUID[] ids = ids(accounts);
		release(ids);
		return this.counts.adjusting(ids, this.queues.all(),
				() -> this.jdbc.sql("DELETE FROM work_external_accounts WHERE account_id = ANY(:ids)")
					.param("ids", ids)
					.update());
	}

	/** The pool the account is parked with, if it is. */
	@Transactional(readOnly = true)
	public java.util.Optional<String> poolOf(AccountId account) {
		return this.jdbc.sql("SELECT pool FROM work_external_accounts WHERE account_id = :id")
			.param("id", account.value())
			.query(String.class)
			.optional();
	}

	/** Leases on the accounts end, and they leave the queues' present listings. */
	private void release(UUID[] ids) {
		this.jdbc.sql("DELETE FROM work_locks WHERE account_id = ANY(:ids)").param("ids", ids).update();
		this.jdbc.sql("DELETE FROM work_queue_members WHERE account_id = ANY(:ids)").param("ids", ids).update();
	}

	private static UUID[] ids(Collection<AccountId> accounts) {
		return accounts.stream().map(AccountId::value).distinct().toArray(UUID[]::new);
	}

}
