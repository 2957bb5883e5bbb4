package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.compliance.Channel;
import org.dues.customer.CustomerManagement;
import org.dues.customer.CustomerView;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.AccountView;
import org.dues.portfolio.Accounts;
import org.dues.portfolio.Creditors;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups: work for the account's agent at a set time, raised by what happened on the
 * account (a broken promise, a broken plan, a customer's reply). Each is raised once per
 * cause, however often the event that raised it is delivered.
 */
@Service
public class FollowUps {

	/**
	 * When a follow-up raised today falls due: the next morning, customer's local time.
	 */
	static final LocalTime MORNING = LocalTime.of(9, 0);

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Creditors creditors;

	private final CustomerManagement customers;

	private final Clock clock;

	FollowUps(JdbcClient jdbc, Accounts accounts, Creditors creditors, CustomerManagement customers, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.creditors = creditors;
		this.customers = customers;
		this.clock = clock;
	}

	/**
	 * Raises a follow-up for the next morning in the customer's local time (the
	 * creditor's when unknown), once per cause.
	 * @param cause what raised it ({@code PROMISE_BROKEN})
	 * @param causeRef the thing it is about (the arrangement's id)
	 */
	@Transactional
	public void raiseForNextDay(AccountId accountId, String cause, String causeRef, String reason) {
		AccountView account = this.accounts.get(accountId);
		CustomerView customer = this.customers.get(account.customerId());
		ZoneId zone = customer.timeZones().isEmpty() ? this.creditors.get(account.creditorId()).timeZone()
				: ZoneId.of(customer.timeZones().iterator().next());
		Instant due = LocalDate.now(this.clock.withZone(zone)).plusDays(1).atTime(MORNING).atZone(zone).toInstant();
		this.jdbc.sql("""
				INSERT INTO work_followups (id, account_id, due_at, cause, cause_ref, reason, created_at)
				VALUES (:id, :account, :due, :cause, :ref, :reason, :now)
				ON CONFLICT (cause, cause_ref) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("account", accountId.value())
			.param("due", Timestamp.from(due))
			.param("cause", cause)
			.param("ref", causeRef)
			.param("reason", reason)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * A customer's reply waiting for the account's agent (the one it is assigned to when
	 * the worklist is read), due at once; once per reply and account.
	 */
	@Transactional
	public void raiseReply(AccountId accountId, UUID inboundId, Channel channel, String from, String text,
			Instant receivedAt) {
		this.jdbc.sql("""
				INSERT INTO work_followups (id, account_id, due_at, cause, cause_ref, reason, channel, from_address,
				    created_at)
				VALUES (:id, :account, :due, 'REPLY', :ref, :text, :channel, :from, :now)
				ON CONFLICT (cause, cause_ref) DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("account", accountId.value())
			.param("due", Timestamp.from(receivedAt))
			.param("ref", inboundId + ":" + accountId.value())
			.param("text", text)
			.param("channel", channel.name())
			.param("from", from)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * The customer's replies waiting on the account were answered: they are done.
	 */
	@Transactional
	public void answered(AccountId accountId, String agent, Instant at) {
		this.jdbc.sql("""
				UPDATE work_followups SET done_at = :at, done_by = :agent
				WHERE account_id = :account AND cause = 'REPLY' AND done_at IS NULL AND due_at <= :at""")
			.param("account", accountId.value())
			.param("agent", agent)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The account's open follow-ups, soonest first. */
	@Transactional(readOnly = true)
	public List<FollowUp> open(AccountId account) {
		return this.jdbc.sql("""
				SELECT * FROM work_followups WHERE account_id = :account AND done_at IS NULL ORDER BY due_at""")
			.param("account", account.value())
			.query((rs, n) -> new FollowUp(rs.getObject("id", UUID.class),
					new AccountId(rs.getObject("account_id", UUID.class)), rs.getTimestamp("due_at").toInstant(),
					rs.getString("cause"), rs.getString("cause_ref"), rs.getString("reason"),
					rs.getString("assigned_to")))
			.list();
	}

	/**
	 * A follow-up.
	 *
	 * @param assignedTo the agent, once accounts have owners; null for the account's
	 * agent
	 */
	public record FollowUp(UUID id, AccountId accountId, Instant dueAt, String cause, String causeRef, String reason,
			@Nullable String assignedTo) {
	}

	/**
	 * Callbacks that fell due and nobody has taken, oldest first (at most 200), each with
	 * the agent it waits for: the one it was given to, else the account's owner, else
	 * nobody (the pool).
	 */
	@Transactional(readOnly = true)
	public List<OverdueCallback> overdueCallbacks() {
		List<OverdueCallback> due = this.jdbc.sql("""
				SELECT f.account_id, f.due_at, coalesce(f.assigned_to, w.agent) AS agent, f.reason
				FROM work_followups f LEFT JOIN work_assignments w ON w.account_id = f.account_id
				WHERE f.done_at IS NULL AND f.cause = 'CALLBACK' AND f.due_at < :now
				ORDER BY f.due_at LIMIT 200""")
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, n) -> new OverdueCallback(new AccountId(rs.getObject(1, UUID.class)), "",
					rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4)))
			.list();
		Map<AccountId, String> refs = this.accounts.refs(due.stream().map(OverdueCallback::accountId).toList());
		return due.stream()
			.map((c) -> new OverdueCallback(c.accountId(), refs.getOrDefault(c.accountId(), ""), c.dueAt(), c.agent(),
					c.reason()))
			.toList();
	}

	/** A callback past its time. */
	public record OverdueCallback(AccountId accountId, String accountRef, Instant dueAt, @Nullable String agent,
			String reason) {
	}

}
