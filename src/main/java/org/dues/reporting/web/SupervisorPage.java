package org.dues.reporting.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;
import org.dues.arrangement.Asker;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.Creditors;
import org.dues.reporting.Floor;
import org.dues.reporting.Progress;
import org.dues.reporting.TargetProgress;
import org.dues.reporting.TargetScope;
import org.dues.work.QueueSizes;
import org.dues.system.FloorZone;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisor's floor: agents' state and day, queue sizes and ages, overdue callbacks,
 * and the forms for work's bulk reassignment ({@code POST /supervisor/reassign}, which
 * comes back here). "Today" is the day in the zone chosen: by default the zone of the
 * creditors holding most active accounts, so that a desk working one country's accounts
 * sees its own day; any creditor's zone can be picked, and the choice holds for the
 * session.
 */
@PageController
class SupervisorPage {

	private final Floor floor;

	private final Creditors creditors;

	private final Teams teams;

	private final UserManagement users;

	private final TargetProgress targets;

	private final TargetReaders readers;

	private final Clock clock;

	SupervisorPage(Floor floor, Creditors creditors, Teams teams, UserManagement users, TargetProgress targets,
			TargetReaders readers, Clock clock) {
		this.targets = targets;
		this.readers = readers;
		this.clock = clock;
		this.floor = floor;
		this.creditors = creditors;
		this.teams = teams;
		this.users = users;
	}

	@GetMapping("/supervisor")
	String supervisor(@RequestParam(required = false) @Nullable String zone, HttpSession session, Model model,
			Authentication user) {
		List<String> zones = creditorZones();
		ZoneId day = FloorZone.of(session,
				() -> this.creditors.busiestZone().orElse(zones.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zones.get(0))));
		if (zone != null && !zone.isBlank()) {
			try {
				day = ZoneId.of(zone.strip());
				FloorZone.choose(session, day);
			}
			catch (RuntimeException ex) {
				model.addAttribute("unknownZone", zone);
			}
		}
		List<String> choices = new ArrayList<>(zones);
		if (!choices.contains(day.getId())) {
			choices.add(day.getId());
		}
		model.addAttribute("zone", day.getId());
		model.addAttribute("zones", choices);
		// A team lead watches the teams they lead (nobody while they lead none); a
		// manager or administrator, the whole floor.
		Teams.Scope scope = this.teams.scopeOf(user.getName(),
				Asker.of(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
					.roles());
		model.addAttribute("agents", this.floor.agents(day, scope.all() ? null : scope.members()));
		QueueSizes.Counted queues = this.floor.queues(scope.all() ? null : scope.teams());
		model.addAttribute("sizes", queues.sizes());
		model.addAttribute("countedAt", queues.countedAt());
		// this month's targets of the agents and teams the lead answers for
		List<Progress> month = this.targets.of(this.readers.of(user), YearMonth.now(this.clock.withZone(day)), null,
				day);
		Map<String, Progress> agentTargets = new HashMap<>();
		month.stream()
			.filter((p) -> p.target().scope() == TargetScope.AGENT)
			.forEach((p) -> agentTargets.put(p.target().id(), p));
		model.addAttribute("agentTargets", agentTargets);
		model.addAttribute("teamTargets",
				month.stream().filter((p) -> p.target().scope() == TargetScope.TEAM).toList());
		model.addAttribute("callbacks",
				this.floor.overdueCallbacks()
					.stream()
					.filter((c) -> scope.all() || (c.agent() != null && scope.covers(c.agent())))
					.toList());
		model.addAttribute("agentNames",
				this.users.withRole(Role.AGENT).stream().filter((a) -> scope.covers(a.username())).toList());
		return "reporting/supervisor";
	}

	/** The creditors' zones, those of most creditors first. */
	private List<String> creditorZones() {
		return this.creditors.list()
			.stream()
			.collect(Collectors.groupingBy((c) -> c.timeZone().getId(), Collectors.counting()))
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.map(Map.Entry::getKey)
			.toList();
	}

}
