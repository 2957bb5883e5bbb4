package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.compliance.ContactGate;
import org.dues.compliance.PersonRole;
import org.dues.compliance.Purpose;
import org.dues.compliance.RuleResult;
import org.dues.contact.ContactLog;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Next account": the most urgent account an agent may work now, among those they own and
 * those pooled: due follow-ups first (callbacks, then broken promises and plans), then
 * the most overdue and largest. Accounts another agent has open are skipped, candidate
 * rows are read {@code FOR UPDATE SKIP LOCKED} so two agents asking at once consider
 * different accounts, and an account the compliance gate would not let the agent call now
 * (outside the customer's hours, a hold, the week's calls used) is passed over with its
 * reason. The account is then leased to the agent for a while, so nobody else gets it.
 */
@Service
public class NextAccount {

	static final Duration LEASE = Duration.ofMinutes(15);

	private static final int BATCH = 25;

	private final JdbcClient jdbc;

	private final ContactLog contacts;

	private final Accounts accounts;

	private final CustomerManagement customers;

	private final Clock clock;

	NextAccount(JdbcClient jdbc, ContactLog contacts, Accounts accounts, CustomerManagement customers, Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.accounts = accounts;
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * The next account for the agent, leased to them; empty when nothing may be worked
	 * now.
	 */
	@Transactional
	public Optional<Next> next(String agent) {
		Instant now = this.clock.instant();
		// asking for the next account is moving on: the one the agent had is let go, and
		// not handed straight back
		List<UUID> had = this.jdbc.sql("DELETE FROM work_locks WHERE agent = :agent RETURNING account_id")
			.param("agent", agent)
			.query(UUID.class)
			.list();
		List<String> passedOver = new ArrayList<>();
		List<UUID> skip = new ArrayList<>(had);
		skip.add(new UUID(0, 0));
		for (int tries = 0; tries < BATCH; tries++) {
			// one row at a time, locked and skipping rows another agent's transaction
			// holds, so agents asking together take different accounts without waiting
			Optional<Candidate> found = dueFollowUp(agent, now, skip).or(() -> queued(agent, now, skip));
			if (found.isEmpty()) {
				break;
			}
			Candidate candidate = found.get();
			skip.add(candidate.account());
			AccountView account = this.accounts.get(new AccountId(candidate.account()));
			ContactGate.Preview gate = this.contacts.check(new ContactGate.Request(account.id(), Set.of(), Channel.CALL,
					firstNumber(account), PersonRole.CONSUMER, Purpose.COLLECTION));
			if (!gate.decision().allowed()) {
				passedOver.add(account.accountRef() + ": "
						+ String.join("; ", gate.decision().blockedBy().stream().map(RuleResult::rule).toList()));
				continue;
			}
			if (lease(candidate.account(), agent, now)) {
				if (candidate.followUp() != null) {
					this.jdbc.sql("UPDATE work_followups SET done_at = :now, done_by = :agent WHERE id = :id")
						.param("now", Timestamp.from(now))
						.param("agent", agent)
						.param("id", candidate.followUp())
						.update();
				}
				return Optional.of(new Next(account.id(), account.accountRef(),
						(candidate.cause() == null) ? "QUEUE" : candidate.cause(), candidate.followUp(),
						now.plus(LEASE), passedOver));
			}
		}
		return Optional.empty();
	}

	/**
	 * The account with the most urgent due follow-up (callbacks first, then the earliest
	 * due), the agent's own or pooled; each account's best follow-up sorts before its
	 * others, so the first row is also that account's best.
	 */
	private Optional<Candidate> dueFollowUp(String agent, Instant now, List<UUID> skip) {
		return this.jdbc.sql("""
				SELECT a.id, f.id AS follow_up, f.cause
				FROM work_followups f JOIN work_assignments w ON w.account_id = f.account_id
				JOIN portfolio_accounts a ON a.id = f.account_id
				WHERE f.done_at IS NULL AND f.due_at <= :now
				  AND (w.agent = :agent OR w.agent IS NULL) AND a.status = 'ACTIVE' AND a.id NOT IN (:skip)
				  AND NOT EXISTS (SELECT 1 FROM work_locks l WHERE l.account_id = a.id AND l.expires_at > :now)
				ORDER BY CASE f.cause WHEN 'CALLBACK' THEN 0 ELSE 1 END, f.due_at,
				         a.days_past_due DESC, a.principal + a.interest + a.fees DESC, w.agent IS NULL, a.id
				LIMIT 1
				FOR UPDATE OF w SKIP LOCKED""")
			.param("now", Timestamp.from(now))
			.param("agent", agent)
			.param("skip", skip)
			.query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getObject("follow_up", UUID.class),
					rs.getString("cause")))
			.optional();
	}

	/**
	 * The most overdue and largest account without a due follow-up, the agent's own or
	 * pooled. The order is that of {@code portfolio_accounts_work_order_idx}, so the
	 * query walks the accounts from the most urgent and stops at the first the agent may
	 * take (a few hundred rows for an agent with 5,000 of a million) instead of sorting
	 * all of the agent's accounts on every ask.
	 */
	private Optional<Candidate> queued(String agent, Instant now, List<UUID> skip) {
		return this.jdbc.sql("""
				SELECT a.id
				FROM portfolio_accounts a JOIN work_assignments w ON w.account_id = a.id
				WHERE (w.agent = :agent OR w.agent IS NULL) AND a.status = 'ACTIVE' AND a.id NOT IN (:skip)
				  AND NOT EXISTS (SELECT 1 FROM work_locks l WHERE l.account_id = a.id AND l.expires_at > :now)
				  AND NOT EXISTS (SELECT 1 FROM work_followups f
				                  WHERE f.account_id = a.id AND f.done_at IS NULL AND f.due_at <= :now)
				ORDER BY a.days_past_due DESC, a.principal + a.interest + a.fees DESC, a.id
				LIMIT 1
				FOR UPDATE OF w SKIP LOCKED""")
			.param("now", Timestamp.from(now))
			.param("agent", agent)
			.param("skip", skip)
			.query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), null, null))
			.optional();
	}

	private record Candidate(UUID account, @Nullable UUID followUp, @Nullable String cause) {
	}

	/** Leases the account to the agent unless another agent holds a live lease on it. */
	private boolean lease(UUID account, String agent, Instant now) {
		return this.jdbc
			.sql("""
					INSERT INTO work_locks (account_id, agent, locked_at, expires_at) VALUES (:account, :agent, :now, :until)
					ON CONFLICT (account_id) DO UPDATE SET agent = EXCLUDED.agent, locked_at = EXCLUDED.locked_at,
					    expires_at = EXCLUDED.expires_at
					WHERE work_locks.agent = EXCLUDED.agent OR work_locks.expires_at <= EXCLUDED.locked_at""")
			.param("account", account)
			.param("agent", agent)
			.param("now", Timestamp.from(now))
			.param("until", Timestamp.from(now.plus(LEASE)))
			.update() == 1;
	}

	private @Nullable String firstNumber(AccountView account) {
		CustomerView customer = this.customers.get(account.customerId());
		return customer.phones()
			.stream()
			.filter((p) -> !p.wrongNumber())
			.map(CustomerView.Phone::e164)
			.findFirst()
			.orElse(null);
	}

	/** Assigns accounts to an agent (or the pool) in one statement. */
	@Transactional
	public void assignAll(java.util.Collection<AccountId> accounts, @Nullable String agent, String by) {
		this.jdbc.sql("""
				INSERT INTO work_assignments (account_id, agent, assigned_at, assigned_by)
				SELECT id, :agent, :now, :by FROM portfolio_accounts WHERE id = ANY(:ids)
				ON CONFLICT (account_id) DO UPDATE SET agent = EXCLUDED.agent, assigned_at = EXCLUDED.assigned_at,
				    assigned_by = EXCLUDED.assigned_by""")
			.param("ids", accounts.stream().map(AccountId::value).toArray(UUID[]::new))
			.param("agent", agent)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.update();
	}

	/** Assigns an account to an agent, or pools it (agent null) for any agent to take. */
	@Transactional
	public void assign(AccountId account, @Nullable String agent, String by) {
		this.accounts.get(account);
		this.jdbc
			.sql("""
					INSERT INTO work_assignments (account_id, agent, assigned_at, assigned_by) VALUES (:a, :agent, :now, :by)
					ON CONFLICT (account_id) DO UPDATE SET agent = EXCLUDED.agent, assigned_at = EXCLUDED.assigned_at,
					    assigned_by = EXCLUDED.assigned_by""")
			.param("a", account.value())
			.param("agent", agent)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", by)
			.update();
	}

	/**
	 * The account an agent should work next.
	 *
	 * @param reason {@code CALLBACK}, {@code PROMISE_BROKEN}, {@code PLAN_BROKEN} (a due
	 * follow-up) or {@code QUEUE}
	 * @param passedOver accounts ahead of it the gate would not let the agent call now,
	 * with the rules that stopped them
	 */
	public record Next(AccountId accountId, String accountRef, String reason, @Nullable UUID followUpId,
			Instant leasedUntil, List<String> passedOver) {
	}

}
