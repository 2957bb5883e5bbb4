package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.shared.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a team lead watches: each agent's state and the day's figures, queue sizes and
 * ages, and callbacks that have fallen due and not been taken.
 */
@Service
public class Supervision {

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final Queues queues;

	private final Clock clock;

	Supervision(JdbcClient jdbc, UserManagement users, Queues queues, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.queues = queues;
		this.clock = clock;
	}

	/** Every agent's state now and figures since midnight in the zone. */
	@Transactional(readOnly = true)
	public List<AgentDay> agents(ZoneId zone) {
		Instant now = this.clock.instant();
		Instant midnight = LocalDate.now(this.clock.withZone(zone)).atStartOfDay(zone).toInstant();
		List<AgentDay> days = new ArrayList<>();
		for (UserManagement.UserView agent : this.users.withRole(Role.AGENT)) {
			Map<String, Object> p = Map.of("agent", agent.username(), "from", Timestamp.from(midnight), "now",
					Timestamp.from(now));
			Working working = this.jdbc.sql("""
					SELECT l.account_id, a.account_ref, l.locked_at FROM work_locks l
					JOIN portfolio_accounts a ON a.id = l.account_id
					WHERE l.agent = :agent AND l.expires_at > :now ORDER BY l.locked_at DESC LIMIT 1""")
				.params(p)
				.query((rs, n) -> new Working(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2),
						rs.getTimestamp(3).toInstant()))
				.optional()
				.orElse(null);
			Object[] calls = this.jdbc
				.sql("""
						SELECT count(*) FILTER (WHERE status <> 'BLOCKED'), count(*) FILTER (WHERE result = 'CONVERSATION'),
						    count(*) FILTER (WHERE status = 'BLOCKED'), max(started_at)
						FROM contact_interactions WHERE agent = :agent AND direction = 'OUTBOUND' AND started_at >= :from""")
				.params(p)
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4) })
				.single();
			List<Money> promised = new ArrayList<>();
			long[] promises = { 0 };
			this.jdbc.sql("""
					SELECT currency, count(*), sum(amount) FROM work_dispositions
					WHERE agent = :agent AND recorded_at >= :from AND outcome IN ('PROMISE_TO_PAY', 'PLAN_AGREED',
					    'SETTLEMENT_AGREED') AND currency IS NOT NULL
					GROUP BY currency ORDER BY currency""").params(p).query((rs, n) -> {
				promises[0] += rs.getLong(2);
				return Money.of(rs.getBigDecimal(3), Currency.getInstance(rs.getString(1)));
			}).list().forEach(promised::add);
			// Net of the payments that bounced today (their reversals), whenever they
			// came.
			List<Money> paid = this.jdbc.sql("""
					SELECT e.currency, sum(e.credit - e.principal - e.interest - e.fees)
					FROM portfolio_ledger_entries e JOIN work_assignments w ON w.account_id = e.account_id
					LEFT JOIN portfolio_ledger_entries o ON o.id = e.reverses
					WHERE w.agent = :agent AND e.recorded_at >= :from
					    AND (e.entry_type = 'PAYMENT' OR (e.entry_type = 'REVERSAL' AND o.entry_type = 'PAYMENT'))
					GROUP BY e.currency ORDER BY e.currency""")
				.params(p)
				.query((rs, n) -> Money.of(rs.getBigDecimal(2), Currency.getInstance(rs.getString(1))))
				.list();
			Timestamp last = (Timestamp) calls[3];
			days.add(new AgentDay(agent.username(), agent.displayName(), working,
					(last == null) ? null : last.toInstant(), (long) calls[0], (long) calls[1], (long) calls[2],
					promises[0], promised, paid));
		}
		return days;
	}

	/**
	 * The time zone of the creditors holding most active accounts: where most of the
	 * floor's work is, and so whose day a supervisor most likely means.
	 */
	@Transactional(readOnly = true)
	public Optional<ZoneId> busiestZone() {
		return this.jdbc.sql("""
				SELECT c.time_zone FROM portfolio_accounts a JOIN portfolio_creditors c ON c.id = a.creditor_id
				WHERE a.status = 'ACTIVE' GROUP BY c.time_zone ORDER BY count(*) DESC, c.time_zone LIMIT 1""")
			.query(String.class)
			.optional()
			.map(ZoneId::of);
	}

	/** Every active queue with its size and the age of its oldest account. */
	@Transactional(readOnly = true)
	public Map<Queues.QueueView, Queues.Size> queueSizes() {
		Map<Queues.QueueView, Queues.Size> sizes = new LinkedHashMap<>();
		this.queues.all()
			.stream()
			.filter(Queues.QueueView::active)
			.forEach((q) -> sizes.put(q, this.queues.size(q.id())));
		return sizes;
	}

	/** Callbacks that fell due and nobody has taken, oldest first. */
	@Transactional(readOnly = true)
	public List<OverdueCallback> overdueCallbacks() {
		return this.jdbc.sql("""
				SELECT f.account_id, a.account_ref, f.due_at, coalesce(f.assigned_to, w.agent) AS agent, f.reason
				FROM work_followups f JOIN portfolio_accounts a ON a.id = f.account_id
				LEFT JOIN work_assignments w ON w.account_id = f.account_id
				WHERE f.done_at IS NULL AND f.cause = 'CALLBACK' AND f.due_at < :now
				ORDER BY f.due_at LIMIT 200""")
			.param("now", Timestamp.from(this.clock.instant()))
			.query((rs, n) -> new OverdueCallback(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5)))
			.list();
	}

	/** The account an agent has open now, and since when. */
	public record Working(AccountId accountId, String accountRef, Instant since) {
	}

	/**
	 * An agent's day.
	 *
	 * @param attempts outbound contacts made (not blocked)
	 * @param rightPartyContacts conversations with the customer
	 * @param blocked attempts the gate blocked
	 * @param promises promises, plans and settlements agreed
	 * @param promised their amounts, by currency
	 * @param paid payments posted today on the agent's accounts less those reversed
	 * today, by currency
	 */
	public record AgentDay(String agent, String name, @Nullable Working working, @Nullable Instant lastAttempt,
			long attempts, long rightPartyContacts, long blocked, long promises, List<Money> promised,
			List<Money> paid) {

		public boolean idle() {
			return this.working == null;
		}

	}

	/** A callback past its time. */
	public record OverdueCallback(AccountId accountId, String accountRef, Instant dueAt, @Nullable String agent,
			String reason) {
	}

}
