package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
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
		return agents(zone, null);
	}

	/**
	 * The state now and figures since midnight in the zone of every agent, or of those
	 * named: a few set-based statements for the whole floor, whatever its size.
	 */
	@Transactional(readOnly = true)
	public List<AgentDay> agents(ZoneId zone, @Nullable Collection<String> only) {
		Instant now = this.clock.instant();
		Instant midnight = LocalDate.now(this.clock.withZone(zone)).atStartOfDay(zone).toInstant();
		List<UserManagement.UserView> agents = this.users.withRole(Role.AGENT)
			.stream()
			.filter((u) -> only == null || only.contains(u.username()))
			.toList();
		if (agents.isEmpty()) {
			return List.of();
		}
		Map<String, Object> p = Map.of("agents",
				agents.stream().map(UserManagement.UserView::username).toArray(String[]::new), "from",
				Timestamp.from(midnight), "now", Timestamp.from(now), "today",
				LocalDate.now(this.clock.withZone(zone)));
		Map<String, Working> working = new HashMap<>();
		this.jdbc.sql("""
				SELECT DISTINCT ON (l.agent) l.agent, l.account_id, a.account_ref, l.locked_at FROM work_locks l
				JOIN portfolio_accounts a ON a.id = l.account_id
				WHERE l.agent = ANY(:agents) AND l.expires_at > :now ORDER BY l.agent, l.locked_at DESC""")
			.params(p)
			.query((rs) -> {
				working.put(rs.getString(1), new Working(new AccountId(rs.getObject(2, UUID.class)), rs.getString(3),
						rs.getTimestamp(4).toInstant()));
			});
		Map<String, Calls> calls = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT agent, count(*) FILTER (WHERE status <> 'BLOCKED'), count(*) FILTER (WHERE result = 'CONVERSATION'),
					    count(*) FILTER (WHERE status = 'BLOCKED'), max(started_at)
					FROM contact_interactions WHERE agent = ANY(:agents) AND direction = 'OUTBOUND' AND started_at >= :from
					GROUP BY agent""")
			.params(p)
			.query((rs) -> {
				calls.put(rs.getString(1),
						new Calls(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant()));
			});
		Map<String, Long> promises = new HashMap<>();
		Map<String, List<Money>> promised = new HashMap<>();
		this.jdbc.sql("""
				SELECT agent, currency, count(*), sum(amount) FROM work_dispositions
				WHERE agent = ANY(:agents) AND recorded_at >= :from AND outcome IN ('PROMISE_TO_PAY', 'PLAN_AGREED',
				    'SETTLEMENT_AGREED') AND currency IS NOT NULL
				GROUP BY agent, currency ORDER BY agent, currency""").params(p).query((rs) -> {
			promises.merge(rs.getString(1), rs.getLong(3), Long::sum);
			promised.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
				.add(Money.of(rs.getBigDecimal(4), Currency.getInstance(rs.getString(2))));
		});
		// Payments received today (a payment received on an earlier day and posted today
		// is
		// that day's), net of those of them that bounced; today's entries are found by
		// the
		// ledger's BRIN index on recorded_at.
		Map<String, List<Money>> paid = new HashMap<>();
		this.jdbc.sql("""
				SELECT w.agent, e.currency, sum(e.credit - e.principal - e.interest - e.fees)
				FROM portfolio_ledger_entries e JOIN work_assignments w ON w.account_id = e.account_id
				LEFT JOIN portfolio_ledger_entries o ON o.id = e.reverses
				WHERE w.agent = ANY(:agents) AND e.recorded_at >= :from
				    AND ((e.entry_type = 'PAYMENT' AND e.effective_date = :today)
				        OR (e.entry_type = 'REVERSAL' AND o.entry_type = 'PAYMENT' AND o.effective_date = :today))
				GROUP BY w.agent, e.currency ORDER BY w.agent, e.currency""").params(p).query((rs) -> {
			paid.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
				.add(Money.of(rs.getBigDecimal(3), Currency.getInstance(rs.getString(2))));
		});
		List<AgentDay> days = new ArrayList<>();
		for (UserManagement.UserView agent : agents) {
			String name = agent.username();
			Calls c = calls.getOrDefault(name, Calls.NONE);
			days.add(new AgentDay(name, agent.displayName(), working.get(name), c.last(), c.attempts(),
					c.conversations(), c.blocked(), promises.getOrDefault(name, 0L),
					promised.getOrDefault(name, List.of()), paid.getOrDefault(name, List.of())));
		}
		return days;
	}

	private record Calls(long attempts, long conversations, long blocked, @Nullable Instant last) {

		static final Calls NONE = new Calls(0, 0, 0, null);

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
		return queueSizes(null);
	}

	/**
	 * Every active queue (of the teams named, or all) with its size and the age of its
	 * oldest account, counted live in one pass over the pooled accounts for all of them.
	 */
	@Transactional(readOnly = true)
	public Map<Queues.QueueView, Queues.Size> queueSizes(@Nullable Collection<UUID> teams) {
		List<Queues.QueueView> active = this.queues.all()
			.stream()
			.filter(Queues.QueueView::active)
			.filter((q) -> teams == null || teams.contains(q.teamId()))
			.toList();
		Map<Queues.QueueView, Queues.Size> sizes = new LinkedHashMap<>();
		if (active.isEmpty()) {
			return sizes;
		}
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> wheres = new ArrayList<>();
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < active.size(); i++) {
			String where = active.get(i).filters().sql("q" + i + "_", params);
			wheres.add(where);
			columns.add("count(*) FILTER (WHERE %1$s), min(coalesce(w.assigned_at, a.placed_at)) FILTER (WHERE %1$s)"
				.formatted(where));
		}
		this.jdbc.sql("""
				SELECT %s
				FROM portfolio_accounts a JOIN customer_customers cu ON cu.id = a.customer_id
				LEFT JOIN work_assignments w ON w.account_id = a.id
				WHERE w.agent IS NULL AND (%s)""".formatted(String.join(", ", columns), String.join(" OR ", wheres)))
			.params(params)
			.query((rs) -> {
				for (int i = 0; i < active.size(); i++) {
					Timestamp oldest = rs.getTimestamp(2 * i + 2);
					sizes.put(active.get(i),
							new Queues.Size(rs.getLong(2 * i + 1), (oldest == null) ? null : oldest.toInstant()));
				}
			});
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
	 * @param paid payments received today on the agent's accounts less those of them
	 * reversed today, by currency
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
