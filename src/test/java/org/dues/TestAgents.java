package org.dues;

import java.util.List;
import java.util.Set;

import org.dues.identity.NewUser;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountStatus;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;

/**
 * For tests about something other than who sees which account: puts agents in a team
 * whose queue holds every pooled account in any status, so they may work them.
 */
public final class TestAgents {

	private static final String TEAM = "Test pool";

	private TestAgents() {
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
