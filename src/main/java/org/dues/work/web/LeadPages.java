package org.dues.work.web;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.dues.identity.Teams;
import org.dues.portfolio.AccountStatus;
import org.dues.portfolio.Creditors;
import org.dues.shared.Choice;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.FloorZone;
import org.dues.system.PageController;
import org.dues.system.RecordReach;
import org.dues.system.Scoped;
import org.dues.system.Scopes;
import org.dues.work.ArrangementState;
import org.dues.work.NextAccount;
import org.dues.work.QueueFilters;
import org.dues.work.QueueSizes;
import org.dues.work.QueueSort;
import org.dues.work.Queues;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team lead's pages: queues (define by filters and order, see their size) and the
 * reassignments the supervisor's floor (in {@code reporting}) asks for.
 */
@PageController
class LeadPages {

	private final Queues queues;

	private final Teams teams;

	private final NextAccount work;

	private final QueueSizes sizes;

	private final Creditors creditors;

	private final LeadScope scope;

	private final Scopes scopes;

	LeadPages(Queues queues, Teams teams, NextAccount work, QueueSizes sizes, Creditors creditors, LeadScope scope,
			Scopes scopes) {
		this.scope = scope;
		this.scopes = scopes;
		this.queues = queues;
		this.teams = teams;
		this.work = work;
		this.sizes = sizes;
		this.creditors = creditors;
	}

	@GetMapping("/queues")
	String queues(HttpSession session, Model model, Authentication user) {
		model.addAttribute("zone", leadZone(session).getId());
		Teams.Scope scope = this.scope.of(user);
		model.addAttribute("sizes", this.sizes.of(scope.all() ? null : scope.teams()));
		// what a team's queues hold is what the team reaches: managers define them, leads
		// pause and resume their own
		model.addAttribute("canDefine", canDefine(user));
		model.addAttribute("inactive",
				this.queues.all()
					.stream()
					.filter((q) -> !q.active() && this.scopes.reaches(user, RecordReach.team(q.teamId())))
					.toList());
		model.addAttribute("teams",
				this.teams.all().stream().filter((t) -> this.scopes.reaches(user, RecordReach.team(t.id()))).toList());
		model.addAttribute("sorts", QueueSort.values());
		model.addAttribute("states", ArrangementState.values());
		return "work/queues";
	}

	@PostMapping("/queues")
	String define(@ModelAttribute QueueForm form, Authentication user, RedirectAttributes redirect) {
		return act(redirect, "/queues", "queues.defined", () -> {
			if (form.teamId() == null) {
				throw new InvalidInputException("teamId", "choose a team");
			}
			this.scopes.require(user, "team", form.teamId());
			QueueFilters filters = filters(form);
			this.queues.define(form.teamId(), String.valueOf(form.name()), filters,
					Choice.orElse("sort", form.sort(), QueueSort.class, QueueSort.DPD_DESC),
					(form.priority() == null) ? 100 : form.priority(), user.getName());
		});
	}

	@PostMapping("/queues/{id}/active")
	String toggle(@org.springframework.web.bind.annotation.PathVariable @Scoped("queue") UUID id,
			@RequestParam(defaultValue = "false") boolean active, Authentication user, RedirectAttributes redirect) {
		return act(redirect, "/queues", "queues.changed", () -> {
			Queues.QueueView queue = this.queues.get(id);
			this.queues.change(id, null, Queues.QueueState.of(queue).active(active), user.getName());
		});
	}

	/**
	 * The zone the queues page tells time in: the one the lead chose on the supervisor's
	 * floor, else the zone of the creditors holding most active accounts.
	 */
	private ZoneId leadZone(HttpSession session) {
		return FloorZone.of(session, () -> this.creditors.busiestZone()
			.orElseGet(
					() -> this.creditors.list().stream().findFirst().map((c) -> c.timeZone()).orElse(ZoneOffset.UTC)));
	}

	@PostMapping("/supervisor/reassign")
	String reassign(@ModelAttribute ReassignForm form, Authentication user, RedirectAttributes redirect) {
		String to = (form.toAgent() == null || form.toAgent().isBlank()) ? null : form.toAgent();
		try {
			this.scope.check(user, (form.queueId() != null) ? null : form.fromAgent(), to, form.queueId(), List.of());
		}
		catch (org.springframework.security.access.AccessDeniedException ex) {
			redirect.addFlashAttribute("problem", String.valueOf(ex.getMessage()));
			return "redirect:/supervisor";
		}
		if (form.queueId() != null) {
			return act(redirect, "/supervisor", "supervisor.reassigned", () -> {
				if (to == null) {
					throw new InvalidInputException("toAgent", "choose the agent to give the queue's accounts to");
				}
				redirect.addFlashAttribute("moved", this.work.assignFromQueue(form.queueId(), to,
						(form.limit() == null) ? 100 : form.limit(), user.getName()));
			});
		}
		return act(redirect, "/supervisor", "supervisor.reassigned", () -> {
			if (form.fromAgent() == null || form.fromAgent().isBlank()) {
				throw new InvalidInputException("fromAgent", "choose whose accounts to move");
			}
			redirect.addFlashAttribute("moved", this.work.reassignFrom(form.fromAgent(), to, user.getName()));
		});
	}

	/**
	 * Whether the user may define, change and delete queues: managers and administrators.
	 */
	static boolean canDefine(Authentication user) {
		return user.getAuthorities()
			.stream()
			.anyMatch((a) -> a.getAuthority().equals("ROLE_MANAGER") || a.getAuthority().equals("ROLE_ADMIN"));
	}

	/** The filters a queue form sets. */
	static QueueFilters filters(QueueForm form) {
		return new QueueFilters(list(form.creditors()), list(form.buckets()), form.dpdMin(), form.dpdMax(),
				DeskPages.amount(form.balanceMin()), DeskPages.amount(form.balanceMax()), list(form.languages()),
				list(form.regions()),
				list(form.statuses()).stream().map((s) -> Choice.of("statuses", s, AccountStatus.class)).toList(),
				(form.arrangements() == null) ? List.of()
						: form.arrangements()
							.stream()
							.map((s) -> Choice.of("arrangements", s, ArrangementState.class))
							.toList());
	}

	static String act(RedirectAttributes redirect, String page, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", done);
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("problem", String.valueOf(ex.getMessage()));
		}
		return "redirect:" + page;
	}

	private static List<String> list(@Nullable String text) {
		return (text == null) ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter((s) -> !s.isBlank()).toList();
	}

	/**
	 * The queue form: lists as comma- or space-separated values; the version a change was
	 * made on.
	 */
	record QueueForm(@Nullable UUID teamId, @Nullable String name, @Nullable String creditors, @Nullable String buckets,
			@Nullable Integer dpdMin, @Nullable Integer dpdMax, @Nullable String balanceMin,
			@Nullable String balanceMax, @Nullable String languages, @Nullable String regions,
			@Nullable String statuses, @Nullable List<String> arrangements, @Nullable String sort,
			@Nullable Integer priority, @Nullable Integer version) {
	}

	/**
	 * Move an agent's accounts (to another agent or the pool), or give an agent a
	 * queue's.
	 */
	record ReassignForm(@Nullable String fromAgent, @Nullable String toAgent, @Nullable UUID queueId,
			@Nullable Integer limit) {
	}

}
