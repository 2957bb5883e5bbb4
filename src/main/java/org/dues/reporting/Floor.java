package org.dues.reporting;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountId;
import org.dues.portfolio.Accounts;
import org.dues.shared.Money;
import org.dues.work.FollowUps;
import org.dues.work.QueueSizes;
import org.dues.work.Queues;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a team lead watches: each agent's state and the day's figures, queue sizes and
 * ages, and callbacks that have fallen due and not been taken. Reads contact's
 * {@code contact_attempt_facts}, work's {@code work_lease_facts} and
 * {@code work_promise_facts}, its own payment credits, and asks work and portfolio the
 * rest.
 */
@Service
public class Floor {

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final Accounts accounts;

	private final QueueSizes queueSizes;

	private final FollowUps followUps;

	private final Clock clock;

	Floor(JdbcClient jdbc, UserManagement users, Accounts accounts, QueueSizes queueSizes, FollowUps followUps,
			Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.accounts = accounts;
		this.queueSizes = queueSizes;
		this.followUps = followUps;
		this.clock = clock;
	}

	/**
	 * The state now and figures since midnight in the zone of every agent, or of those
	 * named: a few set-based statements for the whole floor, whatever its size.
	 */
	@Transactional(readOnly = true)
	public List<AgentDay> agents(ZoneId zone, @Nullable Collection<String> only) {
		Instant now = this.clock.instant();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		List<UserManagement.UserView> agents = this.users.withRole(Role.AGENT)
			.stream()
			.filter((u) -> only == null || only.contains(u.username()))
			.toList();
		if (agents.isEmpty()) {
			return List.of();
		}
		Map<String, Object> p = Map.of("agents",
				agents.stream().map(UserManagement.UserView::username).toArray(String[]::new), "from",
				Timestamp.from(today.atStartOfDay(zone).toInstant()), "now", Timestamp.from(now), "today", today);
		Map<String, AgentDay.Working> working = working(p);
		Map<String, Calls> calls = new HashMap<>();
		this.jdbc.sql("""
				SELECT agent, count(*) FILTER (WHERE attempted), count(*) FILTER (WHERE right_party),
				    count(*) FILTER (WHERE blocked), max(started_at)
				FROM contact_attempt_facts WHERE agent = ANY(:agents) AND started_at >= :from
				GROUP BY agent""").params(p).query((rs) -> {
			calls.put(rs.getString(1),
					new Calls(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getTimestamp(5).toInstant()));
		});
		Map<String, Long> promises = new HashMap<>();
		Map<String, List<Money>> promised = new HashMap<>();
		this.jdbc.sql("""
				SELECT agent, currency, count(*), sum(amount) FROM work_promise_facts
				WHERE agent = ANY(:agents) AND recorded_at >= :from
				GROUP BY agent, currency ORDER BY agent, currency""").params(p).query((rs) -> {
			promises.merge(rs.getString(1), rs.getLong(3), Long::sum);
			promised.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>())
				.add(Money.of(rs.getBigDecimal(4), Currency.getInstance(rs.getString(2))));
		});
		// payments received today (one received on an earlier day and posted today is
		// that
		// day's) credited today, less those of them reversed today
		Map<String, List<Money>> paid = new HashMap<>();
		this.jdbc.sql("""
				SELECT agent, currency, sum(amount) FROM reporting_payment_credits
				WHERE agent = ANY(:agents) AND at >= :from AND received_on = :today
				GROUP BY agent, currency ORDER BY agent, currency""").params(p).query((rs) -> {
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

	/**
	 * The account each agent has open now (the latest live lease), with its reference.
	 */
	private Map<String, AgentDay.Working> working(Map<String, Object> p) {
		Map<String, AccountId> open = new HashMap<>();
		Map<String, Instant> since = new HashMap<>();
		this.jdbc.sql("""
				SELECT DISTINCT ON (agent) agent, account_id, locked_at FROM work_lease_facts
				WHERE agent = ANY(:agents) AND expires_at > :now ORDER BY agent, locked_at DESC""")
			.params(p)
			.query((rs) -> {
				open.put(rs.getString(1), new AccountId(rs.getObject(2, UUID.class)));
				since.put(rs.getString(1), rs.getTimestamp(3).toInstant());
			});
		Map<AccountId, String> refs = this.accounts.refs(open.values());
		Map<String, AgentDay.Working> working = new HashMap<>();
		open.forEach((agent, account) -> working.put(agent,
				new AgentDay.Working(account, refs.getOrDefault(account, ""), since.get(agent))));
		return working;
	}

	/**
	 * Every active queue (of the teams named, or all) with its size and the age of its
	 * oldest account, as work keeps them (read, not counted).
	 */
	public Map<Queues.QueueView, Queues.Size> queueSizes(@Nullable Collection<UUID> teams) {
		return this.queueSizes.of(teams);
	}

	/**
	 * As {@link #queueSizes}, with when they were last counted in full: work keeps them
	 * exact for its own changes at once, and catches up with aging, balances and statuses
	 * at each full count.
	 */
	public QueueSizes.Counted queues(@Nullable Collection<UUID> teams) {
		return this.queueSizes.counted(teams);
	}

	/** Callbacks that fell due and nobody has taken, oldest first. */
	public List<FollowUps.OverdueCallback> overdueCallbacks() {
		return this.followUps.overdueCallbacks();
	}

	private record Calls(long attempts, long conversations, long blocked, @Nullable Instant last) {

		static final Calls NONE = new Calls(0, 0, 0, null);

	}

}
