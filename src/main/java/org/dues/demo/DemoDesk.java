package org.dues.demo;

import java.time.ZoneId;
import java.util.List;

import org.dues.identity.Teams;
import org.dues.identity.UserTimeZones;
import org.dues.portfolio.AccountView;
import org.dues.work.NextAccount;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSort;
import org.dues.work.Queues;

import org.springframework.stereotype.Component;

/**
 * The demo's desk: an India team (agent1 and agent2 under lead1) sharing one queue of the
 * NBFC's pooled accounts, routed by language and region (Malayalam and Kerala to agent1,
 * Hindi and North India to agent2, English to either); a US team whose agent3 owns the
 * card issuer's accounts.
 */
@Component
class DemoDesk {

	private final Teams teams;

	private final Queues queues;

	private final NextAccount work;

	private final UserTimeZones zones;

	DemoDesk(Teams teams, Queues queues, NextAccount work, UserTimeZones zones) {
		this.teams = teams;
		this.queues = queues;
		this.work = work;
		this.zones = zones;
	}

	/**
	 * @return the US desk's team
	 */
	java.util.UUID load(String indianCreditor, List<AccountView> american) {
		Teams.TeamView india = this.teams.create("India desk", "lead1");
		this.teams.addMember(india.id(), "agent1");
		this.teams.addMember(india.id(), "agent2");
		this.queues.define(india.id(), "Malabar overdue", new QueueFilters(List.of(indianCreditor), List.of(), 1, null,
				null, null, List.of(), List.of(), List.of(), List.of()), QueueSort.DPD_DESC, 10, "lead1");
		Teams.TeamView us = this.teams.create("US desk", "lead1");
		this.teams.addMember(us.id(), "agent3");
		this.work.assignAll(american.stream().map(AccountView::id).toList(), "agent3", "lead1");
		// the US desk's agent reads times in New York's; everyone else in the default
		// (India's)
		this.zones.set("agent3", ZoneId.of("America/New_York"));
		return us.id();
	}

}
