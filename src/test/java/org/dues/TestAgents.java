package org.dues;

import java.util.List;

import org.dues.identity.Teams;
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

}
