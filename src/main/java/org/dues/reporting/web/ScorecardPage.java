package org.dues.reporting.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.HttpSession;
import org.dues.arrangement.Asker;
import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.Creditors;
import org.dues.reporting.Scorecards;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.FloorZone;
import org.dues.system.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Agents' scorecards ({@code /scorecard}): each agent's attempts, right-party contacts,
 * promises taken, promises kept and collections, by day over a period (by default the
 * last 7 days, today included), with totals. A team lead reads the agents of the teams
 * they lead, a manager or administrator every agent, an agent their own. Days are told in
 * the zone of the supervisor's floor ({@link FloorZone}), which a {@code zone} parameter
 * changes for the session.
 */
@PageController
class ScorecardPage {

	/** The days of the default period. */
	static final int DEFAULT_DAYS = 7;

	private final Scorecards scorecards;

	private final UserManagement users;

	private final Teams teams;

	private final Creditors creditors;

	private final java.time.Clock clock;

	ScorecardPage(Scorecards scorecards, UserManagement users, Teams teams, Creditors creditors,
			java.time.Clock clock) {
		this.scorecards = scorecards;
		this.users = users;
		this.teams = teams;
		this.creditors = creditors;
		this.clock = clock;
	}

	@GetMapping("/scorecard")
	String scorecard(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String agent,
			@RequestParam(required = false) @Nullable String zone, HttpSession session, Model model,
			Authentication user) {
		ZoneId day = FloorZone.of(session, () -> this.creditors.busiestZone().orElse(ZoneOffset.UTC));
		if (zone != null && !zone.isBlank()) {
			try {
				day = ZoneId.of(zone.strip());
				FloorZone.choose(session, day);
			}
			catch (RuntimeException ex) {
				model.addAttribute("unknownZone", zone);
			}
		}
		LocalDate today = LocalDate.now(this.clock.withZone(day));
		if (outOfReach(from) || outOfReach(to)) {
			// a year no record can have (say 999999999): the default period, and the
			// page says the one asked for cannot be shown
			model.addAttribute("invalid", true);
			from = null;
			to = null;
		}
		LocalDate last = (to != null) ? to : (from != null) ? from.plusDays(DEFAULT_DAYS - 1) : today;
		LocalDate first = (from != null) ? from : last.minusDays(DEFAULT_DAYS - 1);
		List<UserManagement.UserView> agents = readable(user);
		UserManagement.@Nullable UserView chosen = null;
		if (agent != null && !agent.isBlank()) {
			chosen = agents.stream()
				.filter((a) -> a.username().equals(agent.strip()))
				.findFirst()
				.orElseThrow(() -> new NotFoundException("agent", agent));
		}
		else if (agents.size() == 1 && agents.get(0).username().equals(user.getName())) {
			// an agent reads their own
			chosen = agents.get(0);
		}
		model.addAttribute("zone", day.getId());
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		model.addAttribute("agents", agents);
		model.addAttribute("chosen", chosen);
		model.addAttribute("own", chosen != null && chosen.username().equals(user.getName()) && agents.size() == 1);
		try {
			Scorecards.Scorecard card = this.scorecards.of(agents, first, last, day);
			model.addAttribute("card", card);
			String name = (chosen == null) ? null : chosen.username();
			model.addAttribute("days", (name == null) ? card.days()
					: card.agents().stream().filter((c) -> c.agent().equals(name)).findFirst().orElseThrow().days());
			model.addAttribute("total", (name == null) ? card.total()
					: card.agents().stream().filter((c) -> c.agent().equals(name)).findFirst().orElseThrow().total());
		}
		catch (InvalidInputException ex) {
			model.addAttribute("invalid", true);
		}
		return "reporting/scorecard";
	}

	private static boolean outOfReach(@Nullable LocalDate day) {
		return day != null && (day.getYear() < 1900 || day.getYear() > 9999);
	}

	/**
	 * The agents whose scorecards the user reads: every agent for a manager or
	 * administrator, the members of the teams a lead leads, and an agent's own.
	 */
	private List<UserManagement.UserView> readable(Authentication user) {
		Teams.Scope scope = this.teams.scopeOf(user.getName(),
				Asker.of(user.getName(), user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
					.roles());
		boolean lead = user.getAuthorities()
			.stream()
			.anyMatch((a) -> a.getAuthority().equals(Role.TEAM_LEAD.authority()));
		return this.users.withRole(Role.AGENT)
			.stream()
			.filter((a) -> scope.all() || (lead && scope.covers(a.username())) || a.username().equals(user.getName()))
			.toList();
	}

}
