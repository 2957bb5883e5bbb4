package org.dues;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountStatus;
import org.dues.portfolio.CreditorView;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;

/**
 * Object mother for the people of a collections floor in tests: agents who may work every
 * pooled account, compliance officers, leads and managers, each created once by name. An
 * integration test autowires it ({@code agents.pooledAgent("gate-agent",
 * "agent-secret")}); the static methods serve tests that build users themselves.
 */
public final class TestAgents {

	private static final String TEAM = "Test pool";

	private final UserManagement users;

	private final Teams teams;

	private final Queues queues;

	public TestAgents(UserManagement users, Teams teams, Queues queues) {
		this.users = users;
		this.teams = teams;
		this.queues = queues;
	}

	/**
	 * An English-speaking agent (created if absent) in a team whose queue holds every
	 * pooled account, so they may work any account a test places.
	 */
	public String pooledAgent(String username, String password, String... languages) {
		user(username, password, Role.AGENT, languages);
		seeEveryPooledAccount(this.teams, this.queues, username);
		return username;
	}

	/** Puts existing agents in the team that may work every pooled account. */
	public void mayWorkEveryPooledAccount(String... agents) {
		seeEveryPooledAccount(this.teams, this.queues, agents);
	}

	/** A compliance officer, created if absent. */
	public String officer(String username, String password) {
		return user(username, password, Role.COMPLIANCE);
	}

	/** A manager, created if absent. */
	public String manager(String username, String password) {
		return user(username, password, Role.MANAGER);
	}

	/**
	 * A team lead (created if absent) of a team of the given agents whose queue holds
	 * every pooled account.
	 */
	public String lead(String lead, String... agents) {
		leadOf(this.users, this.teams, this.queues, lead, agents);
		return lead;
	}

	/**
	 * A user shown to colleagues as {@code displayName}, with one role, speaking the
	 * given languages (English when none), created if absent.
	 */
	public String named(String username, String displayName, String password, Role role, String... languages) {
		this.users.createIfAbsent(new NewUser(username, displayName, password, Set.of(role),
				languages.length == 0 ? List.of("en") : List.of(languages)));
		return username;
	}

	/**
	 * An agent (created if absent) shown as {@code displayName}, speaking the given
	 * languages, covering every region and holding the recovery-agent certificate
	 * {@code certificate} valid until {@code expiresOn}, so pooled Indian accounts may be
	 * routed to them.
	 */
	public String certifiedAgent(String username, String displayName, String password, String certificate,
			LocalDate expiresOn, String... languages) {
		this.users.createIfAbsent(new NewUser(username, displayName, password, Set.of(Role.AGENT), List.of(languages),
				List.of(), certificate, expiresOn));
		return username;
	}

	/** The team {@link #lead(String, String...)} made for the lead. */
	public Teams.TeamView teamLedBy(String lead) {
		return this.teams.all().stream().filter((t) -> t.name().equals("Led by " + lead)).findFirst().orElseThrow();
	}

	/** A new team of the given existing agents, led by nobody. */
	public Teams.TeamView team(String name, String... agents) {
		Teams.TeamView team = this.teams.create(name, null);
		for (String agent : agents) {
			this.teams.addMember(team.id(), agent);
		}
		return team;
	}

	/** A new queue of the team, most days past due first. */
	public Queues.QueueView queue(Teams.TeamView team, String name, QueueFilters filters, int priority, String by) {
		return this.queues.define(team.id(), name, filters, QueueSort.DPD_DESC, priority, by);
	}

	/** Filters that hold every open account of the creditor. */
	public static QueueFilters everyAccountOf(CreditorView creditor) {
		return new QueueFilters(List.of(creditor.code()), List.of(), null, null, null, null, List.of(), List.of(),
				List.of(), List.of());
	}

	/**
	 * A user with one role speaking the given languages (English when none), created if
	 * absent.
	 */
	public String user(String username, String password, Role role, String... languages) {
		this.users.createIfAbsent(new NewUser(username, username, password, Set.of(role),
				languages.length == 0 ? List.of("en") : List.of(languages)));
		return username;
	}

	public static synchronized void seeEveryPooledAccount(Teams teams, Queues queues, String... agents) {
		Teams.TeamView team = teams.all().stream().filter((t) -> t.name().equals(TEAM)).findFirst().orElseGet(() -> {
			Teams.TeamView created = teams.create(TEAM, null);
			queues.define(
					created.id(), "Every account", new QueueFilters(List.of(), List.of(), null, null, null, null,
							List.of(), List.of(), List.of(AccountStatus.values()), List.of()),
					QueueSort.DPD_DESC, 1000, "tests");
			return created;
		});
		for (String agent : agents) {
			teams.addMember(team.id(), agent);
		}
	}

	/**
	 * For tests about something other than a lead's scope: makes {@code lead} (created if
	 * absent) the lead of a team of the given agents whose queue holds every pooled
	 * account, so they answer for those agents' accounts and every pooled one.
	 */
	public static synchronized void leadOf(UserManagement users, Teams teams, Queues queues, String lead,
			String... agents) {
		users.createIfAbsent(new NewUser(lead, lead, "lead-password-of-tests", Set.of(Role.TEAM_LEAD), List.of("en")));
		String name = "Led by " + lead;
		Teams.TeamView team = teams.all().stream().filter((t) -> t.name().equals(name)).findFirst().orElseGet(() -> {
			Teams.TeamView created = teams.create(name, lead);
			queues.define(
					created.id(), "Every account of " + lead, new QueueFilters(List.of(), List.of(), null, null, null,
							null, List.of(), List.of(), List.of(AccountStatus.values()), List.of()),
					QueueSort.DPD_DESC, 1000, "tests");
			return created;
		});
		for (String agent : agents) {
			teams.addMember(team.id(), agent);
		}
	}

}
