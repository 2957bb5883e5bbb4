package org.dues.work.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.dues.identity.Role;
import org.dues.identity.Teams;
import org.dues.identity.UserManagement;
import org.dues.portfolio.AccountStatus;
import org.dues.shared.ConflictException;
import org.dues.shared.InvalidInputException;
import org.dues.shared.NotFoundException;
import org.dues.system.PageController;
import org.dues.system.RecordReach;
import org.dues.system.Scopes;
import org.dues.work.AccountBrowser;
import org.dues.work.ArrangementState;
import org.dues.work.BrowseSort;
import org.dues.work.BulkActions;
import org.dues.work.BulkRefusedException;
import org.dues.work.Queues;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The accounts browser of leads and managers ({@code /supervisor/accounts}): the accounts
 * a queue's filters match, and whose they are, counted and paged within what the reader
 * reaches; and its bulk actions on the rows checked or on every account matching: give
 * them to an agent of the reader's teams or to the pool, or add them to a queue.
 */
@PageController
class BrowsePages {

	private final AccountBrowser browser;

	private final BulkActions bulk;

	private final Queues queues;

	private final Teams teams;

	private final UserManagement users;

	private final Scopes scopes;

	private final MessageSource messages;

	BrowsePages(AccountBrowser browser, BulkActions bulk, Queues queues, Teams teams, UserManagement users,
			Scopes scopes, MessageSource messages) {
		this.browser = browser;
		this.bulk = bulk;
		this.queues = queues;
		this.teams = teams;
		this.users = users;
		this.scopes = scopes;
		this.messages = messages;
	}

	@GetMapping("/supervisor/accounts")
	String browse(@ModelAttribute("form") BrowseForm form, @RequestParam(defaultValue = "1") int page, Model model,
			Authentication user) {
		Teams.Scope led = led(user);
		model.addAttribute("query", form.query());
		model.addAttribute("dpdDesc", form.sortedBy(BrowseSort.DPD_DESC));
		model.addAttribute("dpdAsc", form.sortedBy(BrowseSort.DPD_ASC));
		model.addAttribute("balanceDesc", form.sortedBy(BrowseSort.BALANCE_DESC));
		model.addAttribute("balanceAsc", form.sortedBy(BrowseSort.BALANCE_ASC));
		model.addAttribute("sort", form.browseSort());
		model.addAttribute("sorts", BrowseSort.values());
		model.addAttribute("states", ArrangementState.values());
		model.addAttribute("statuses", AccountStatus.values());
		model.addAttribute("pool", BrowseForm.POOL);
		model.addAttribute("owned", BrowseForm.OWNED);
		model.addAttribute("agents", agents(led));
		model.addAttribute("teams",
				this.teams.all().stream().filter((t) -> this.scopes.reaches(user, RecordReach.team(t.id()))).toList());
		model.addAttribute("queues", this.queues.all().stream().filter((q) -> led.coversTeam(q.teamId())).toList());
		// a form's token: the same form sent twice acts once
		model.addAttribute("token", UUID.randomUUID());
		try {
			AccountBrowser.Criteria criteria = criteria(form, user, led);
			model.addAttribute("results",
					this.browser.browse(criteria, form.browseSort(), Math.max(page, 1) - 1, user));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("invalid", String.valueOf(ex.getMessage()));
		}
		return "work/browse";
	}

	@PostMapping("/supervisor/accounts/assign")
	String assign(@ModelAttribute BrowseForm form, Authentication user, RedirectAttributes redirect) {
		return act(form, redirect, () -> {
			String agent = (form.agent() == null || form.agent().isBlank()) ? null : form.agent().strip();
			BulkActions.Result done = this.bulk.assign(token(form), reader(user), selection(form, user), agent);
			return replayed(done, (agent == null)
					? text("browse.assigned.pool", done.changed(), done.chosen(), done.chosen() - done.changed())
					: text("browse.assigned", done.changed(), done.chosen(), agent, done.chosen() - done.changed()));
		}, "browse.assign");
	}

	@PostMapping("/supervisor/accounts/queue")
	String addToQueue(@ModelAttribute BrowseForm form, Authentication user, RedirectAttributes redirect) {
		return act(form, redirect, () -> {
			if (form.queueId() == null) {
				throw new InvalidInputException("queueId", text("browse.refused.queue"));
			}
			this.scopes.require(user, "queue", form.queueId());
			BulkActions.Result done = this.bulk.addToQueue(token(form), reader(user), selection(form, user),
					form.queueId());
			return replayed(done, text("browse.queued", done.changed(), done.chosen(),
					this.queues.get(form.queueId()).name(), done.released()));
		}, "browse.addToQueue");
	}

	/**
	 * Runs a bulk action and comes back to the browser on the same criteria, saying what
	 * it did or, refused whole, why nothing changed.
	 */
	private String act(BrowseForm form, RedirectAttributes redirect, java.util.function.Supplier<String> action,
			String what) {
		try {
			redirect.addFlashAttribute("done", action.get());
		}
		catch (BulkRefusedException ex) {
			redirect.addFlashAttribute("problem", text(ex.key(), ex.args().toArray()) + " " + text("browse.unchanged"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("problem",
					text(what) + ": " + String.valueOf(ex.getMessage()) + " " + text("browse.unchanged"));
		}
		String query = form.query();
		return "redirect:/supervisor/accounts" + (query.isEmpty() ? "" : "?" + query);
	}

	private String replayed(BulkActions.Result done, String said) {
		return done.replayed() ? said + " " + text("browse.replayed") : said;
	}

	private static UUID token(BrowseForm form) {
		if (form.token() == null) {
			throw new ConflictException("the form has no token: open the page again");
		}
		return form.token();
	}

	private BulkActions.Selection selection(BrowseForm form, Authentication user) {
		if (Boolean.TRUE.equals(form.all())) {
			return BulkActions.Selection.allMatching(criteria(form, user, led(user)), form.expected());
		}
		return BulkActions.Selection.of((form.ids() == null) ? List.of() : form.ids());
	}

	/**
	 * The form's criteria, whose team, queue and agent must lie within the reader's reach
	 * (outside it they do not exist).
	 */
	private AccountBrowser.Criteria criteria(BrowseForm form, Authentication user, Teams.Scope led) {
		if (form.team() != null) {
			this.scopes.require(user, "team", form.team());
		}
		if (form.queue() != null) {
			this.scopes.require(user, "queue", form.queue());
		}
		String agent = form.ownerAgent();
		if (agent != null && !led.covers(agent)) {
			throw new NotFoundException("agent", agent);
		}
		return form.criteria();
	}

	private BulkActions.Reader reader(Authentication user) {
		return new BulkActions.Reader(user, led(user));
	}

	private Teams.Scope led(Authentication user) {
		return this.teams.scopeOf(user.getName(), DeskPages.asker(user).roles());
	}

	/** The enabled agents the reader answers for, by name. */
	private List<UserManagement.UserView> agents(Teams.Scope led) {
		return this.users.withRole(Role.AGENT)
			.stream()
			.filter(UserManagement.UserView::enabled)
			.filter((u) -> led.covers(u.username()))
			.toList();
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, locale);
	}

}
