package org.dues.work;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.system.RecordReach;
import org.dues.system.ReachGrant;
import org.dues.system.RecordScope;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who reaches which records (DESIGN, invariant 8). Managers, compliance officers and
 * administrators reach everything. An agent reaches the accounts they own, have open,
 * have a callback on, or find in one of their teams' queues (routed to them by language
 * and region); and the accounts they follow: one whose promise, plan or settlement they
 * took while it is open (awaiting approval or in force), and one they recorded an outcome
 * or a note on within the last {@link #WORKED_WITHIN} (their day's work), though it has
 * since left their queue; and, from their worklist, one whose promise or plan they took
 * broke and is not yet followed up, or whose approval they asked was answered within
 * {@link Worklist#ANSWERS_KEPT}. A team lead reaches, besides their own, the accounts
 * owned or followed by the members of the teams they lead and the pooled accounts of
 * those teams' queues, and the teams themselves, and no more than an agent while they
 * lead none.
 */
@Component
class WorkAccess implements RecordScope {

	/** How long an account stays within reach of the one who worked it. */
	static final Duration WORKED_WITHIN = Duration.ofHours(24);

	/**
	 * The accounts among {@code :accounts} that a user in {@code :who} follows: took an
	 * open arrangement on, or recorded an outcome or note on since {@code :since}.
	 */
	private static final String FOLLOWED = followed("ANY(:accounts)", "who", "since");

	private static final Set<String> SEE_ALL = Set.of(Role.MANAGER.authority(), Role.COMPLIANCE.authority(),
			Role.ADMIN.authority());

	/** A pooled account (nobody owns it) whose id is {@code %s}, up to its condition. */
	private static final String POOLED = "EXISTS (SELECT 1 FROM portfolio_account_facts a"
			+ " JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id"
			+ " LEFT JOIN work_assignments w ON w.account_id = a.id WHERE a.id = %s AND w.agent IS NULL AND ";

	private final JdbcClient jdbc;

	private final UserManagement users;

	private final Teams teams;

	private final Queues queues;

	private final Clock clock;

	private final ObjectProvider<ReachGrant> grants;

	WorkAccess(JdbcClient jdbc, UserManagement users, Teams teams, Queues queues, Clock clock,
			ObjectProvider<ReachGrant> grants) {
		this.jdbc = jdbc;
		this.users = users;
		this.teams = teams;
		this.queues = queues;
		this.clock = clock;
		this.grants = grants;
	}

	@Override
	public boolean seesAll(Authentication caller) {
		return confinement(caller) == null && roles(caller).stream().anyMatch(SEE_ALL::contains);
	}

	/** The grant that alone decides the caller's reach, if one does. */
	private @Nullable ReachGrant confinement(Authentication caller) {
		return this.grants.orderedStream().filter((grant) -> grant.confines(caller)).findFirst().orElse(null);
	}

	/** Whether a grant lets the caller reach the record. */
	private boolean granted(Authentication caller, RecordReach reach) {
		return this.grants.orderedStream().anyMatch((grant) -> grant.reaches(caller, reach));
	}

	/** The conditions of the grants that give the caller any reach. */
	private List<String> grantedConditions(Authentication caller, Map<String, Object> params) {
		return this.grants.orderedStream()
			.map((grant) -> grant.accountCondition(caller, params))
			.filter((condition) -> !"false".equals(condition))
			.toList();
	}

	@Override
	public boolean reaches(Authentication caller, RecordReach reach) {
		ReachGrant confined = confinement(caller);
		if (confined != null) {
			return confined.reaches(caller, reach);
		}
		if (seesAll(caller) || granted(caller, reach)) {
			return true;
		}
		String user = caller.getName();
		Teams.Scope led = roles(caller).contains(Role.TEAM_LEAD.authority()) ? ledScope(caller) : null;
		if (!reach.teams().isEmpty()) {
			List<UUID> own = this.teams.teamsOf(user);
			if (reach.teams()
				.stream()
				.anyMatch((team) -> own.contains(team) || (led != null && led.coversTeam(team)))) {
				return true;
			}
		}
		if (reach.accounts().isEmpty()) {
			return false;
		}
		UUID[] accounts = reach.accounts().toArray(UUID[]::new);
		return worksOn(user, accounts) || (led != null && answersFor(led, accounts));
	}

	@Override
	public String accountCondition(Authentication caller, String accountColumn, Map<String, Object> params) {
		ReachGrant confined = confinement(caller);
		if (confined != null) {
			return "(" + confined.accountCondition(caller, params).replace("%s", accountColumn) + ")";
		}
		if (seesAll(caller)) {
			return "true";
		}
		String user = caller.getName();
		params.put("scopeAgent", user);
		params.put("scopeNow", Timestamp.from(this.clock.instant()));
		params.put("scopeSince", Timestamp.from(this.clock.instant().minus(WORKED_WITHIN)));
		params.put("scopeWho", new String[] { user });
		List<String> any = new ArrayList<>();
		any.add(followed("%s", "scopeWho", "scopeSince"));
		any.add("EXISTS (SELECT 1 FROM work_assignments sw WHERE sw.account_id = %s AND sw.agent = :scopeAgent)");
		// a lease prepared ahead of the agent's ask is not theirs until it is handed out
		any.add("EXISTS (SELECT 1 FROM work_locks sl WHERE sl.account_id = %s AND sl.agent = :scopeAgent"
				+ " AND sl.expires_at > :scopeNow AND NOT sl.prepared)");
		any.add("EXISTS (SELECT 1 FROM work_followups sf WHERE sf.account_id = %s AND sf.assigned_to = :scopeAgent"
				+ " AND sf.done_at IS NULL)");
		String pooled = NextAccount.pooledFor(this.users.find(user).orElse(null), this.queues.of(user), params);
		if (!"false".equals(pooled)) {
			any.add(POOLED + pooled + ")");
		}
		if (roles(caller).contains(Role.TEAM_LEAD.authority())) {
			Teams.Scope led = ledScope(caller);
			params.put("scopeMembers", led.members().toArray(String[]::new));
			any.add(followed("%s", "scopeMembers", "scopeSince"));
			any.add("EXISTS (SELECT 1 FROM work_assignments sw WHERE sw.account_id = %s"
					+ " AND sw.agent = ANY(:scopeMembers))");
			String queued = queuedFor(led, "sq", params);
			if (!"false".equals(queued)) {
				any.add(POOLED + "(" + queued + "))");
			}
		}
		any.addAll(grantedConditions(caller, params));
		return "(" + String.join(" OR ", any).replace("%s", accountColumn) + ")";
	}

	/**
	 * The same reach as {@link #accountCondition}, written for reading many accounts at
	 * once (the accounts browser): a condition on a row of {@code portfolio_account_facts
	 * a}, {@code customer_routing_facts cu} and {@code work_assignments w} (left joined),
	 * in which owning and a queue's filters are read from the row itself and the accounts
	 * a user follows, has open or has a callback on are each one uncorrelated set (a
	 * day's work, hashed once), instead of subqueries run for every account. Its
	 * parameters are named {@code reach…}, {@code f0_…} and {@code sq0_…}.
	 */
	String rowCondition(Authentication caller, Map<String, Object> params) {
		ReachGrant confined = confinement(caller);
		if (confined != null) {
			return "(" + confined.accountCondition(caller, params).replace("%s", "a.id") + ")";
		}
		if (seesAll(caller)) {
			return "true";
		}
		String user = caller.getName();
		List<String> who = new ArrayList<>(List.of(user));
		List<String> any = new ArrayList<>();
		params.put("reachAgent", user);
		params.put("reachNow", Timestamp.from(this.clock.instant()));
		params.put("reachSince", Timestamp.from(this.clock.instant().minus(WORKED_WITHIN)));
		any.add("a.id IN (SELECT sl.account_id FROM work_locks sl WHERE sl.agent = :reachAgent"
				+ " AND sl.expires_at > :reachNow AND NOT sl.prepared)");
		any.add("a.id IN (SELECT sf.account_id FROM work_followups sf WHERE sf.assigned_to = :reachAgent"
				+ " AND sf.done_at IS NULL)");
		String pooled = NextAccount.pooledFor(this.users.find(user).orElse(null), this.queues.of(user), params);
		if (!"false".equals(pooled)) {
			any.add("(w.agent IS NULL AND " + pooled + ")");
		}
		if (roles(caller).contains(Role.TEAM_LEAD.authority())) {
			Teams.Scope led = ledScope(caller);
			who.addAll(led.members());
			String queued = queuedFor(led, "sq", params);
			if (!"false".equals(queued)) {
				any.add("(w.agent IS NULL AND (" + queued + "))");
			}
		}
		params.put("reachWho", who.stream().distinct().toArray(String[]::new));
		any.add("w.agent = ANY(:reachWho)");
		any.add("a.id IN (SELECT fr.account_id FROM arrangement_facts fr WHERE fr.open"
				+ " AND fr.created_by = ANY(:reachWho))");
		any.add("a.id IN (SELECT fd.account_id FROM work_dispositions fd WHERE fd.agent = ANY(:reachWho)"
				+ " AND fd.recorded_at > :reachSince)");
		any.add("a.id IN (SELECT fn.account_id FROM work_notes fn WHERE fn.written_by = ANY(:reachWho)"
				+ " AND fn.written_at > :reachSince)");
		grantedConditions(caller, params).forEach((condition) -> any.add(condition.replace("%s", "a.id")));
		return "(" + String.join(" OR ", any) + ")";
	}

	/**
	 * Whether the user works any of the accounts (one read for a customer's several):
	 * follows it, owns it, has it open, a callback, or a queue.
	 */
	private boolean worksOn(String agent, UUID[] accounts) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("agent", agent);
		params.put("accounts", accounts);
		params.put("now", Timestamp.from(this.clock.instant()));
		params.put("who", new String[] { agent });
		params.put("since", Timestamp.from(this.clock.instant().minus(WORKED_WITHIN)));
		String pooled = NextAccount.pooledFor(this.users.find(agent).orElse(null), this.queues.of(agent), params);
		return this.jdbc.sql("""
				SELECT %s
				    OR EXISTS (SELECT 1 FROM work_assignments WHERE account_id = ANY(:accounts) AND agent = :agent)
				    OR EXISTS (SELECT 1 FROM work_locks WHERE account_id = ANY(:accounts) AND agent = :agent
				               AND expires_at > :now AND NOT prepared)
				    OR EXISTS (SELECT 1 FROM work_followups WHERE account_id = ANY(:accounts) AND assigned_to = :agent
				               AND done_at IS NULL)
				    OR EXISTS (SELECT 1 FROM portfolio_account_facts a
				               JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
				               LEFT JOIN work_assignments w ON w.account_id = a.id
				               WHERE a.id = ANY(:accounts) AND w.agent IS NULL AND %s)""".formatted(FOLLOWED, pooled))
			.params(params)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether a lead answers for any of the accounts: a member of a team they lead owns
	 * or follows it, or it is pooled and one of those teams' queues holds it.
	 */
	private boolean answersFor(Teams.Scope led, UUID[] accounts) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("accounts", accounts);
		params.put("members", led.members().toArray(String[]::new));
		params.put("who", led.members().toArray(String[]::new));
		params.put("since", Timestamp.from(this.clock.instant().minus(WORKED_WITHIN)));
		String pooled = queuedFor(led, "q", params);
		return this.jdbc
			.sql("""
					SELECT %s
					    OR EXISTS (SELECT 1 FROM work_assignments WHERE account_id = ANY(:accounts) AND agent = ANY(:members))
					    OR EXISTS (SELECT 1 FROM portfolio_account_facts a
					               JOIN customer_routing_facts cu ON cu.customer_id = a.customer_id
					               LEFT JOIN work_assignments w ON w.account_id = a.id
					               WHERE a.id = ANY(:accounts) AND w.agent IS NULL AND (%s))"""
				.formatted(FOLLOWED, pooled))
			.params(params)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Whether the account {@code account} (an SQL expression: one id, or
	 * {@code ANY(:accounts)}) is followed by a user in the array parameter {@code who}:
	 * they took an open arrangement on it, or recorded an outcome or a note on it after
	 * the parameter {@code since}, or took a promise or plan on it that broke and whose
	 * follow-up is open, or asked for an approval on it that was answered within
	 * {@link Worklist#ANSWERS_KEPT} (so every item of their worklist opens).
	 */
	private static String followed(String account, String who, String since) {
		return """
				(EXISTS (SELECT 1 FROM arrangement_facts fr WHERE fr.account_id = {account} AND fr.open
				        AND fr.created_by = ANY(:{who}))
				    OR EXISTS (SELECT 1 FROM work_dispositions fd WHERE fd.account_id = {account}
				               AND fd.agent = ANY(:{who}) AND fd.recorded_at > :{since})
				    OR EXISTS (SELECT 1 FROM work_notes fn WHERE fn.account_id = {account}
				               AND fn.written_by = ANY(:{who}) AND fn.written_at > :{since})
				    OR EXISTS (SELECT 1 FROM work_followups fb JOIN arrangement_facts fk
				                   ON fk.id = CASE WHEN fb.cause IN ('PROMISE_BROKEN', 'PLAN_BROKEN')
				                                   THEN fb.cause_ref::uuid END
				               WHERE fb.account_id = {account} AND fb.done_at IS NULL AND fk.created_by = ANY(:{who}))
				    OR EXISTS (SELECT 1 FROM arrangement_facts fa JOIN arrangement_approval_facts fp
				                   ON fp.arrangement_id = fa.id
				               WHERE fa.account_id = {account} AND fp.requested_by = ANY(:{who}) AND fp.answered
				               AND fp.decided_at > CAST(:{since} AS timestamptz) - interval '{answersKept}'))"""
			.replace("{answersKept}", Worklist.ANSWERS_KEPT.minus(WORKED_WITHIN).toHours() + " hours")
			.replace("{account}", account)
			.replace("{who}", who)
			.replace("{since}", since);
	}

	/** The condition of a pooled account in a queue of the teams a lead leads. */
	private String queuedFor(Teams.Scope led, String prefix, Map<String, Object> params) {
		List<String> queued = new ArrayList<>();
		List<Queues.QueueView> theirs = this.queues.all().stream().filter((q) -> led.coversTeam(q.teamId())).toList();
		for (int i = 0; i < theirs.size(); i++) {
			queued.add(theirs.get(i).selection(prefix + i + "_", params));
		}
		return queued.isEmpty() ? "false" : String.join(" OR ", queued);
	}

	private Teams.Scope ledScope(Authentication caller) {
		return this.teams.scopeOf(caller.getName(), List.of(Role.TEAM_LEAD));
	}

	private static Set<String> roles(Authentication caller) {
		Collection<? extends GrantedAuthority> authorities = caller.getAuthorities();
		return Set.copyOf(authorities.stream().map(GrantedAuthority::getAuthority).toList());
	}

}
